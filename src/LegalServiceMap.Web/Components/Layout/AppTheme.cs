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
            // MudBlazor's default warning (#ff9800), info, success and error fail WCAG AA contrast as chip and alert text
            // (axe-core on the staff pages); these darker tones pass 4.5:1 with white and on their own tint.
            Error = "#b00020",
            ErrorContrastText = "#ffffff",
            Warning = "#8a4b00",
            WarningContrastText = "#ffffff",
            Info = "#0b5cad",
            Success = "#1b6e20",
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
