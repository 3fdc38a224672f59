using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCong.Platform.Papers;

public static class PapersExtensions
{
    /// <summary>
    /// Lets the service print papers: the font folder from <c>Papers:FontDirectory</c> (Debian's default when unset)
    /// becomes PDFsharp's font resolver, and the issuer's names (<see cref="PaperOptions"/>) head every paper.
    /// </summary>
    public static IHostApplicationBuilder AddPapers(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PaperOptions.Section).Get<PaperOptions>() ?? new PaperOptions();
        builder.Services.AddSingleton(PaperFonts.Install(options.FontDirectory));
        builder.Services.AddSingleton(new PaperIssuer(options));
        return builder;
    }
}
