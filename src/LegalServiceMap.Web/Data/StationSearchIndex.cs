using LegalServiceMap.Core.Stations;
using LegalServiceMap.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace LegalServiceMap.Web.Data;

/// <summary>
/// Full-text search over names, addresses and street/town names in both languages, on one table of folded documents
/// (<see cref="SearchText"/>: "Jing'an" = "jingan", full-width = half-width). SQLite: an FTS5 table with the trigram
/// tokenizer, so any substring of 3+ characters — Chinese or English — matches through the index. PostgreSQL: a plain
/// table with a pg_trgm GIN index that serves the same substring match (LIKE). Shorter queries use LIKE on both.
/// Both tables are created by the migrations.
/// </summary>
public static class StationSearchIndex
{
    public const string Table = "StationSearch";

    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct = default)
    {
        var stations = await db.Stations.AsNoTracking().ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "StationSearch";""", ct);
        foreach (var s in stations)
        {
            await InsertAsync(db, s, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Replaces one station's row (inside the caller's transaction, if any).</summary>
    public static async Task UpdateAsync(AppDbContext db, Station s, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "StationSearch" WHERE "Id" = {s.Id};""", ct);
        await InsertAsync(db, s, ct);
    }

    private static Task<int> InsertAsync(AppDbContext db, Station s, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""INSERT INTO "StationSearch" ("Id", "Text") VALUES ({s.Id}, {DocumentOf(s)});""", ct);

    public static string DocumentOf(Station s) => StationText.Document(s);

    /// <summary>Ids of the stations whose text contains <paramref name="query"/> (folded like the documents).</summary>
    public static async Task<IReadOnlySet<string>> SearchAsync(AppDbContext db, string query, CancellationToken ct = default)
    {
        var folded = SearchText.Fold(query);
        if (folded.Length == 0)
        {
            return new HashSet<string>();
        }
        List<string> ids;
        if (folded.Length >= 3 && db.Database.IsSqlite())
        {
            var phrase = "\"" + folded.Replace("\"", "\"\"") + "\"";
            ids = await db.Database.SqlQuery<string>($"""SELECT "Id" AS "Value" FROM "StationSearch" WHERE "StationSearch" MATCH {phrase}""").ToListAsync(ct);
        }
        else
        {
            var pattern = "%" + folded.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            ids = await db.Database.SqlQuery<string>($"""SELECT "Id" AS "Value" FROM "StationSearch" WHERE "Text" LIKE {pattern} ESCAPE '\'""").ToListAsync(ct);
        }
        return ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
