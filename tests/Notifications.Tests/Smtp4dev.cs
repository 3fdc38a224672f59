using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

/// <summary>One mail smtp4dev received, as its HTTP API lists it, with its plain-text body and its headers.</summary>
public sealed record ReceivedMail(string Id, string To, string Subject, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real SMTP server for the tests: the <c>Rnwood.Smtp4dev</c> tool that <c>./kc</c> installs into <c>.tools/smtp4dev</c>,
/// started as the AppHost starts it, on free ports, its messages in a throwaway database that outlives a restart. A test
/// stops it (the server is down), restarts it requiring authentication (it refuses every mail) or as it was, and reads
/// what it received through its API (<c>GET /api/messages</c>).
/// </summary>
public class Smtp4dev : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kc-smtp4dev-").FullName;
    private readonly int _webPort = FreePort();
    private readonly HttpClient _api = new();
    private Process? _process;

    public int SmtpPort { get; } = FreePort();

    /// <summary>How the server offers TLS: not at all unless a subclass says otherwise.</summary>
    protected IReadOnlyList<string> TlsArguments { get; init; } = ["--tlsmode=None"];

    /// <summary>The settings that point the Notifications service at this server.</summary>
    public (string Key, string Value)[] Settings =>
    [
        ("Notifications:Mail:Host", "127.0.0.1"),
        ("Notifications:Mail:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Notifications:Mail:Timeout", "00:00:10"),
    ];

    public Task InitializeAsync() => StartAsync(refusing: false);

    public virtual async Task DisposeAsync()
    {
        Stop();
        _api.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Starts the server; <paramref name="refusing"/>: it requires authentication and so refuses every mail of a client that does not sign in.</summary>
    public async Task StartAsync(bool refusing)
    {
        var start = new ProcessStartInfo(ToolPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
                 [
                     $"--urls=http://127.0.0.1:{_webPort}", $"--smtpport={SmtpPort}", $"--imapport={FreePort()}", $"--pop3port={FreePort()}",
                     "--db=smtp4dev.db", "--nousersettings", $"--baseappdatapath={_dataDirectory}", "--messagestokeep=100000",
                     "--hostname=localhost", .. TlsArguments, refusing ? "--authenticationrequired" : "--authenticationrequired-",
                 ])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["XDG_CONFIG_HOME"] = _dataDirectory;
        _process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var up = await Eventually.TrueWithin(Patience, async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
                return (await _api.GetAsync($"http://127.0.0.1:{_webPort}/api/messages")).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is SocketException or HttpRequestException)
            {
                return false;
            }
        });
        Assert.True(up, $"smtp4dev did not answer on SMTP port {SmtpPort} and web port {_webPort} within {Patience.TotalSeconds} s");
    }

    /// <summary>Stops the server: connections to its SMTP port are refused until it starts again.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public async Task RestartAsync(bool refusing)
    {
        Stop();
        await StartAsync(refusing);
    }

    /// <summary>Every mail the server received, oldest first, with its body and headers.</summary>
    public async Task<List<ReceivedMail>> MessagesAsync()
    {
        var page = await _api.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_webPort}/api/messages?pageSize=100000");
        var mails = new List<ReceivedMail>();
        foreach (var summary in page.GetProperty("results").EnumerateArray().OrderBy(m => m.GetProperty("receivedDate").GetDateTimeOffset()))
        {
            var id = summary.GetProperty("id").GetString()!;
            var detail = await _api.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_webPort}/api/messages/{id}");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in detail.GetProperty("headers").EnumerateArray())
            {
                headers[header.GetProperty("name").GetString()!] = header.GetProperty("value").GetString()!;
            }
            var body = await _api.GetStringAsync($"http://127.0.0.1:{_webPort}/api/messages/{id}/plaintext");
            mails.Add(new ReceivedMail(id, summary.GetProperty("to")[0].GetString()!, summary.GetProperty("subject").GetString()!, body, headers));
        }
        return mails;
    }

    /// <summary>Deletes every mail received so far (<c>DELETE /api/messages/*</c>): a test reads only its own.</summary>
    public async Task ClearAsync()
    {
        var cleared = await _api.DeleteAsync($"http://127.0.0.1:{_webPort}/api/messages/*");
        Assert.True(cleared.IsSuccessStatusCode, $"smtp4dev did not delete its messages: {(int)cleared.StatusCode}");
    }

    /// <summary>Only the subjects and recipients, for counting many mails without reading each.</summary>
    public async Task<List<(string To, string Subject)>> SummariesAsync()
    {
        var page = await _api.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{_webPort}/api/messages?pageSize=100000");
        return [.. page.GetProperty("results").EnumerateArray()
            .Select(m => (m.GetProperty("to")[0].GetString()!, m.GetProperty("subject").GetString()!))];
    }

    /// <summary><c>.tools/smtp4dev/smtp4dev</c> at the repository's root, installed there first when missing (as <c>./kc test</c> does).</summary>
    private static string ToolPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "KhuyenCong.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var tool = Path.Combine(root.FullName, ".tools", "smtp4dev", "smtp4dev");
        if (!File.Exists(tool))
        {
            using var install = Process.Start("dotnet", ["tool", "install", "Rnwood.Smtp4dev", "--version", "3.15.0", "--tool-path", Path.GetDirectoryName(tool)!])!;
            install.WaitForExit();
        }
        Assert.True(File.Exists(tool), $"smtp4dev is not installed at {tool}");
        return tool;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
