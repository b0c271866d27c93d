namespace LegalServiceMap.Web.Features.Stations;

/// <summary>The addresses of a station's pages, relative to the app's base (as links in pages use them).</summary>
public static class StationLinks
{
    /// <summary>The public page of a station: <c>stations/{id}</c>.</summary>
    public static string Path(string id) => "stations/" + Uri.EscapeDataString(id);

    /// <summary>The station's page in the staff workspace.</summary>
    public static string StaffPath(string id) => "staff/" + Path(id);
}
