using MudBlazor;

namespace KhuyenCong.Web.Ui;

public static class Themes
{
    /// <summary>Colours dark enough for white text at WCAG AA contrast (4.5 : 1), since status chips and buttons carry text.</summary>
    public static readonly MudTheme Platform = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565C0",
            Secondary = "#6A1B9A",
            Tertiary = "#00695C",
            Info = "#01579B",
            Success = "#2E7D32",
            Warning = "#9A4A00",
            Error = "#C62828",
            AppbarBackground = "#0D47A1",
            TextSecondary = "rgba(0,0,0,0.68)",
            ActionDefault = "rgba(0,0,0,0.68)",
            DrawerText = "rgba(0,0,0,0.87)",
            DrawerIcon = "rgba(0,0,0,0.68)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Noto Sans", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
