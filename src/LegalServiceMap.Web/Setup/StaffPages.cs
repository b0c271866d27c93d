using Microsoft.AspNetCore.Components;

namespace LegalServiceMap.Web.Setup;

/// <summary>
/// The staff workspace lives under /staff and is the only part built with MudBlazor; resident pages load none of its
/// CSS or JS. Links from resident pages into the workspace use full page loads (data-enhance-nav="false") so its
/// stylesheet and script are in place.
/// </summary>
public static class StaffPages
{
    public static bool Is(PathString path) => path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase);

    public static bool Is(NavigationManager navigation) =>
        Is(new PathString("/" + navigation.ToBaseRelativePath(navigation.Uri).Split('?', '#')[0]));
}
