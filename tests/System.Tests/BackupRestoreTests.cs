using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using KhuyenCong.TestSupport;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace KhuyenCong.SystemTests;

/// <summary>
/// The restore drill: the platform with the demo data is backed up (./kc backup), its data is restored into an
/// empty data directory (./kc restore), a platform started on it holds the same records, answers the same
/// reports, serves the same attached files byte for byte and lets the same people sign in.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BackupRestoreTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private static readonly string[] Databases = ["proposalsdb", "trainingdb", "fairsdb", "productsdb", "reportingdb", "identitydb", "notificationsdb", "webdb"];

    [Fact]
    public async Task A_backup_restored_into_an_empty_data_directory_gives_the_same_records_reports_and_sign_in()
    {
        Assert.Equal(0, await platform.DemoDataLoadedAsync());
        var (file, sha256) = await AttachAsync(platform.Gateway);
        var reportsBefore = await ReportsAsync(platform.Gateway);
        var usersBefore = await UsersAsync(platform.Accounts.ClientFor(TestUser.Admin));
        var countsBefore = await SettledCountsAsync(platform.App);

        var backups = Directory.CreateTempSubdirectory("kc-backups-");
        var restored = LocalPlatform.NewDataDirectory("kc-restored-");
        try
        {
            var backup = (await RunAsync("eng/ops/backup.sh", platform.DataDirectory.FullName, backups.FullName, "14")).Trim().Split('\n')[^1];
            Assert.True(File.Exists(Path.Combine(backup, "proposalsdb.dump")), $"no dump in {backup}");
            // A backup must not be readable by other users of the machine: it holds the secrets.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(backup));

            // The lost data directory is an empty one: the restore initialises it and brings everything back.
            await RunAsync("eng/ops/restore.sh", restored.FullName, backup);
            // Every table as restored, before the platform's jobs (follow-up monitor, certificate expiry) start
            // on it and catch up with what came due since their last run.
            var countsRestored = await RestoredCountsAsync(restored);
            foreach (var (table, count) in countsBefore)
            {
                Assert.True(countsRestored.TryGetValue(table, out var after) && after == count, $"{table}: {count} rows backed up, {after} restored");
            }

            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
                [.. LocalPlatform.Arguments(restored), "--DemoData:Enabled=false"]);
            await using var app = await builder.BuildAsync();
            using (var startup = new CancellationTokenSource(TimeSpan.FromMinutes(8)))
            {
                await app.StartAsync(startup.Token);
                await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
            }
            using var gateway = app.CreateHttpClient("gateway");
            // The first administrator's password and the people's own passwords are those of the backup.
            var accounts = PlatformAccounts.Of(gateway, restored);
            using var admin = accounts.ClientFor(TestUser.Admin);
            Assert.Equal(usersBefore, await UsersAsync(admin));
            using var officer = accounts.ClientFor(TestUser.Officer);

            Assert.Equal(reportsBefore, await ReportsAsync(officer));
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await officer.GetByteArrayAsync(file))));
            output.WriteLine($"restored {countsBefore.Count} tables, {countsBefore.Values.Sum()} rows, from {backup}");
        }
        finally
        {
            backups.Delete(recursive: true);
            try
            {
                restored.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A server still flushing on exit; the directory is temporary.
            }
        }
    }

    /// <summary>
    /// The counts once the platform is quiet (two readings 3 s apart agree): events still on their way would
    /// otherwise be counted on one side and not on the other.
    /// </summary>
    private static async Task<Dictionary<string, long>> SettledCountsAsync(DistributedApplication app)
    {
        var last = await CountsAsync(app);
        for (var reading = 0; reading < 40; reading++)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            var now = await CountsAsync(app);
            if (now.Count == last.Count && now.All(pair => last.TryGetValue(pair.Key, out var count) && count == pair.Value))
            {
                return now;
            }
            last = now;
        }
        return last;
    }

    /// <summary>The counts of a stopped platform's data directory, on its own PostgreSQL started for the purpose.</summary>
    private static async Task<Dictionary<string, long>> RestoredCountsAsync(DirectoryInfo data)
    {
        var password = File.ReadAllLines(Path.Combine(data.FullName, "local-secrets"))[0];
        var port = FreePort();
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var argument in new[] { "bash", Path.Combine(Root, "eng/infra/postgres.sh"), Path.Combine(data.FullName, "postgres"), port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["KC_PG_PASSWORD"] = password;
        using var server = Process.Start(start)!;
        try
        {
            var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Pooling=false";
            Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(60), async () =>
            {
                try
                {
                    await using var probe = new NpgsqlConnection(connection);
                    await probe.OpenAsync();
                    return true;
                }
                catch (NpgsqlException)
                {
                    return false;
                }
            }), "the restored data directory's PostgreSQL did not start");
            var counts = new Dictionary<string, long>();
            foreach (var database in Databases)
            {
                foreach (var (table, count) in await CountsAsync($"{connection};Database={database}"))
                {
                    counts[$"{database}.{table}"] = count;
                }
            }
            return counts;
        }
        finally
        {
            // postgres.sh runs the server in the foreground (as its session's leader's child): stop them both.
            using (var stop = Process.Start("kill", ["--", $"-{server.Id}"]))
            {
                await stop.WaitForExitAsync();
            }
            await server.WaitForExitAsync();
        }

        static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var free = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return free;
        }
    }

    /// <summary>Rows of every table of every database, by "database.table", except what changes by itself.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(DistributedApplication app)
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in Databases)
        {
            foreach (var (table, count) in await CountsAsync((await app.GetConnectionStringAsync(database))!))
            {
                counts[$"{database}.{table}"] = count;
            }
        }
        return counts;
    }

    /// <summary>Rows of every table of one database, by "schema.table", except what changes by itself.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        var counts = new Dictionary<string, long>();
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            foreach (var table in tables.Where(t => !ChangesByItself(t)))
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
                counts[table] = (long)(await count.ExecuteScalarAsync())!;
            }
        }
        return counts;
    }

    /// <summary>
    /// Not records of the programme: tokens are issued to every sign-in (the test's own included), and the
    /// messaging log (inbox and outbox rows) grows as the restored platform's services, on a new broker, take
    /// up their work; the records those messages lead to are compared.
    /// </summary>
    private static bool ChangesByItself(string table) =>
        table.Contains("openiddict", StringComparison.OrdinalIgnoreCase)
        || table.EndsWith(".inbox_messages", StringComparison.Ordinal) || table.EndsWith(".outbox_messages", StringComparison.Ordinal);

    private static async Task<string> ReportsAsync(HttpClient client)
    {
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/reports/summary?fromYear=2014&toYear=2025");
        var periods = await client.GetFromJsonAsync<JsonElement>("/api/reports/periods");
        var training = await client.GetFromJsonAsync<JsonElement>("/api/reports/training?fromYear=2014&toYear=2025");
        return string.Join('\n', summary.GetRawText(), periods.GetRawText(), training.GetRawText());
    }

    /// <summary>Attaches a plan to a course of the demo data; answers the file's address and its content's SHA-256.</summary>
    private static async Task<(string File, string Sha256)> AttachAsync(HttpClient officer)
    {
        var course = (await officer.GetFromJsonAsync<JsonElement>("/api/training/courses?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        var content = SampleFiles.Pdf("Ke hoach lop hoc truoc khi sao luu");
        var created = await Answers.ExpectAsync(
            await officer.PostAsync($"/api/training/courses/{course}/attachments", SampleFiles.Upload(content, "ke-hoach-lop-hoc.pdf", "CoursePlan")),
            System.Net.HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), created.GetProperty("sha256").GetString());
        return ($"/api/training/courses/{course}/attachments/{created.GetProperty("id").GetString()}", created.GetProperty("sha256").GetString()!);
    }

    private static async Task<string> UsersAsync(HttpClient admin) =>
        string.Join('\n', (await admin.GetFromJsonAsync<JsonElement>("/api/users?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(u => u.GetProperty("userName").GetString()).Order(StringComparer.Ordinal));

    private static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(Root, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script}: exit {process.ExitCode}\n{await standardError}");
        return await standardOutput;
    }
}
