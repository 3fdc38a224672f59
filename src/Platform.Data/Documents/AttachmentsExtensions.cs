using KhuyenCong.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCong.Platform.Documents;

public static class AttachmentsExtensions
{
    /// <summary>
    /// Keeps attachments in the service's database <paramref name="connectionName"/>: registers the attachment tables'
    /// context (applying their own migrations at start, after the service's), the <see cref="AttachmentStore"/> and its
    /// limits (section <c>Attachments</c>). Call after <c>AddServiceDatabase</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAttachments(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddNpgsqlDbContext<AttachmentsDbContext>(
            connectionName,
            settings => settings.DisableRetry = true,
            options => options.UseNpgsql(AttachmentsDbContext.Npgsql).UseSnakeCaseNamingConvention());
        builder.Services.AddHostedService<MigrationRunner<AttachmentsDbContext>>();
        builder.Services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.MaxRecordBytes >= o.MaxFileBytes && o.MaxFilesPerRecord > 0,
                "Attachments: MaxFileBytes is positive, MaxRecordBytes at least MaxFileBytes, MaxFilesPerRecord positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AttachmentStore>();
        return builder;
    }
}
