using Microsoft.Extensions.Configuration;

namespace KhuyenCong.AppHost.Infrastructure;

public static class MailServer
{
    /// <summary>
    /// Where the Notifications service sends its reminders. In development: a local SMTP server with a web inbox,
    /// smtp4dev (the <c>Rnwood.Smtp4dev</c> dotnet tool that <c>./kc run</c> installs into <c>.tools/smtp4dev</c>), run
    /// as an executable resource whose SMTP port and web UI show in the dashboard; its mails are kept in
    /// <c>.data/smtp4dev</c>. In production: the real SMTP server named by the AppHost's <c>Mail:*</c> settings (Host,
    /// Port, UserName, SenderAddress, SenderName) and the secret parameter <c>smtp-password</c> when it signs in.
    /// The links in the mails start at <paramref name="publicUrl"/>.
    /// </summary>
    public static void AddMailServer(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> notifications, bool production, string publicUrl)
    {
        notifications.WithEnvironment("Notifications__Mail__WebBaseUrl", publicUrl);
        if (production)
        {
            foreach (var setting in builder.Configuration.GetSection("Mail").AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
            {
                notifications.WithEnvironment($"Notifications__Mail__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
            }
            if (!string.IsNullOrEmpty(builder.Configuration["Parameters:smtp-password"]))
            {
                notifications.WithEnvironment("Notifications__Mail__Password", builder.AddParameter("smtp-password", secret: true));
            }
            return;
        }

        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var data = Path.Combine(root, ".data", "smtp4dev");
        Directory.CreateDirectory(data);
        var smtpPort = InfrastructureExtensions.PortOrFree(0);
        var webPort = InfrastructureExtensions.PortOrFree(0);
        var smtp4dev = builder.AddExecutable("smtp4dev", Path.Combine(root, ".tools", "smtp4dev", "smtp4dev"), data,
                $"--urls=http://localhost:{webPort}", $"--smtpport={smtpPort}", $"--imapport={InfrastructureExtensions.PortOrFree(0)}", $"--pop3port={InfrastructureExtensions.PortOrFree(0)}",
                "--db=smtp4dev.db", "--nousersettings", $"--baseappdatapath={data}", "--hostname=localhost", "--tlsmode=None", "--messagestokeep=5000")
            .WithEnvironment("XDG_CONFIG_HOME", data)
            .WithHttpEndpoint(port: webPort, targetPort: webPort, name: "http", isProxied: false)
            .WithEndpoint(port: smtpPort, targetPort: smtpPort, scheme: "smtp", name: "smtp", isProxied: false)
            .WithUrlForEndpoint("http", url => url.DisplayText = "Hộp thư thử (smtp4dev)");
        notifications
            .WithEnvironment("Notifications__Mail__Host", "localhost")
            .WithEnvironment("Notifications__Mail__Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithReference(smtp4dev.GetEndpoint("smtp"));
    }
}
