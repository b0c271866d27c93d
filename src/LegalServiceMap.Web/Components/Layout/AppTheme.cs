using MudBlazor;

namespace LegalServiceMap.Web.Components.Layout;

public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d91",
            Secondary = "#b3261e",
            AppbarBackground = "#0b3d91",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "sans-serif"],
            },
        },
    };
}
