using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LegalServiceMap.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WalkingNetworkAndBoundaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Boundaries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GeoJson = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Boundaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WalkingNetworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NodeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EdgeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LengthMetres = table.Column<double>(type: "REAL", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WalkingNetworks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Boundaries_Kind_Name",
                table: "Boundaries",
                columns: new[] { "Kind", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Boundaries");

            migrationBuilder.DropTable(
                name: "WalkingNetworks");
        }
    }
}
