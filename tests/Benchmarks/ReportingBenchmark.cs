using System.Diagnostics;
using KhuyenCong.Reporting.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using NpgsqlTypes;

namespace KhuyenCong.Benchmarks;

/// <summary>
/// `./kc bench reporting`: the Reporting service (in process) over a generated history of 1,000,000
/// proposals and 5,000,000 trainees written straight into a throwaway database (load data, not the
/// event path), measuring the year × district report and the export of a 10,000-row report.
/// </summary>
internal static class ReportingBenchmark
{
    private const int Proposals = 1_000_000;
    private const int TraineesPerCourse = 25;
    private const int Courses = 5_000_000 / TraineesPerCourse;
    private const int MeasuredQueries = 300;

    private static readonly string[] Districts =
        ["Hạ Long", "Móng Cái", "Cẩm Phả", "Uông Bí", "Đông Triều", "Quảng Yên", "Bình Liêu", "Tiên Yên", "Đầm Hà", "Hải Hà", "Ba Chẽ", "Vân Đồn", "Cô Tô"];
    private static readonly int[] Sectors = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly string[] Statuses = ["Closed", "Settled", "Accepted", "InImplementation", "Approved", "Rejected", "Cancelled", "Submitted"];

    public static async Task<int> RunAsync()
    {
        var server = Environment.GetEnvironmentVariable("KC_TEST_POSTGRES");
        var broker = Environment.GetEnvironmentVariable("KC_TEST_RABBITMQ");
        if (string.IsNullOrEmpty(server) || string.IsNullOrEmpty(broker))
        {
            Console.Error.WriteLine("./kc bench reporting needs KC_TEST_POSTGRES and KC_TEST_RABBITMQ: start `./kc servers` and export the two lines it prints.");
            return 2;
        }
        var database = $"reporting_bench_{Guid.NewGuid():N}"[..32];
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 600 }.ConnectionString;

        await using var factory = new WebApplicationFactory<ReportingDbContext>().WithWebHostBuilder(host =>
        {
            host.UseSolutionRelativeContentRoot("src/Services/Reporting");
            host.UseSetting("ConnectionStrings:reportingdb", connectionString);
            host.UseSetting("ConnectionStrings:messaging", broker);
            host.UseSetting("Messaging:EndpointPrefix", $"b{Guid.NewGuid():N}"[..12]);
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            host.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        });
        using var client = factory.CreateClient();
        try
        {
            var clock = Stopwatch.StartNew();
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await LoadProposalsAsync(connection);
                await LoadCoursesAsync(connection);
                await Execute(connection, ProposalCubes.RecomputeSql);
                await Execute(connection, "ANALYZE");
            }
            Console.WriteLine($"loaded {Proposals:N0} proposals and {Courses:N0} courses ({Courses * TraineesPerCourse:N0} trainees) in {clock.Elapsed.TotalSeconds:F0} s");

            const string grouped = "/api/reports/proposals?groupBy=year,district";
            for (var i = 0; i < 20; i++)
            {
                await GetAsync(client, grouped);
            }
            var times = new List<double>(MeasuredQueries);
            var rows = 0;
            for (var i = 0; i < MeasuredQueries; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var body = await GetAsync(client, grouped);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                rows = CountRows(body);
            }
            times.Sort();

            // 8 years × 13 districts × 9 content groups × 11 sectors: about 10,000 rows.
            const string tenThousand = "/api/reports/proposals?fromYear=2014&toYear=2021&groupBy=year,district,contentGroup,sector";
            var exportRows = CountRows(await GetAsync(client, tenThousand));
            var xlsx = await TimeAsync(client, tenThousand + "&format=xlsx");
            var csv = await TimeAsync(client, tenThousand + "&format=csv");

            Console.WriteLine();
            Console.WriteLine($"reporting year x district over {Proposals:N0} proposals ({rows} rows), {MeasuredQueries} requests: p50 {EventLag.Percentile(times, 0.50):F1} ms, p95 {EventLag.Percentile(times, 0.95):F1} ms, max {times[^1]:F1} ms (target p95 <= 50 ms)");
            Console.WriteLine($"reporting export of a {exportRows:N0}-row report: xlsx {xlsx.Seconds:F2} s ({xlsx.Bytes / 1024:N0} KB), csv {csv.Seconds:F2} s ({csv.Bytes / 1024:N0} KB) (target <= 2 s)");
            return 0;
        }
        finally
        {
            await factory.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
        }
        return body;
    }

    private static int CountRows(string body) =>
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("rows").GetArrayLength();

    /// <summary>The best of three downloads, in seconds, and the file's size.</summary>
    private static async Task<(double Seconds, long Bytes)> TimeAsync(HttpClient client, string path)
    {
        var best = double.MaxValue;
        long bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        return (best, bytes);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task LoadProposalsAsync(NpgsqlConnection connection)
    {
        var random = new Random(2014);
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY proposal_facts (proposal_id, code, stage, status, status_sequence, plan_year, district, content_group, funding_source, sector,
                establishment_tax_codes, total_budget, requested_support, own_capital, other_sources, approved_support, advances_paid,
                accepted_on, actual_support_used, jobs_created, average_wage, settled_on, settled_support, cancelled_at)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < Proposals; i++)
        {
            var year = 2014 + random.Next(17);
            var status = Statuses[random.Next(Statuses.Length)];
            var support = 100_000_000L + random.Next(1_900) * 1_000_000L;
            var own = support * (2 + random.Next(8));
            var other = random.Next(3) == 0 ? support / 2 : 0;
            var approved = status is "Closed" or "Settled" or "Accepted" or "InImplementation" or "Approved" or "Cancelled";
            var accepted = status is "Closed" or "Settled" or "Accepted";
            var settled = status is "Closed" or "Settled";
            var jobs = accepted ? 5 + random.Next(40) : 0;
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await writer.WriteAsync($"KC-{year}-{i:D7}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(accepted ? (settled ? 5 : 4) : status == "Cancelled" ? 6 : status == "Rejected" ? 2 : approved ? 3 : 1, NpgsqlDbType.Integer);
            await writer.WriteAsync(status, NpgsqlDbType.Varchar);
            await writer.WriteAsync(6, NpgsqlDbType.Integer);
            await writer.WriteAsync(year, NpgsqlDbType.Integer);
            await writer.WriteAsync(Districts[random.Next(Districts.Length)], NpgsqlDbType.Varchar);
            await writer.WriteAsync(1 + random.Next(9), NpgsqlDbType.Integer);
            await writer.WriteAsync(random.Next(4) == 0 ? "National" : "Local", NpgsqlDbType.Varchar);
            await writer.WriteAsync(Sectors[random.Next(Sectors.Length)], NpgsqlDbType.Integer);
            await writer.WriteAsync(new[] { $"57{random.Next(100_000_000):D8}" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
            await writer.WriteAsync(support + own + other, NpgsqlDbType.Bigint);
            await writer.WriteAsync(support, NpgsqlDbType.Bigint);
            await writer.WriteAsync(own, NpgsqlDbType.Bigint);
            await writer.WriteAsync(other, NpgsqlDbType.Bigint);
            await WriteNullable<long>(writer, approved ? support : null, NpgsqlDbType.Bigint);
            await writer.WriteAsync(approved && !settled ? support / 2 : 0L, NpgsqlDbType.Bigint);
            await WriteNullable<DateOnly>(writer, accepted ? new DateOnly(Math.Min(year + 1, 2030), 6, 1) : null, NpgsqlDbType.Date);
            await writer.WriteAsync(accepted ? support * 9 / 10 : 0L, NpgsqlDbType.Bigint);
            await writer.WriteAsync(jobs, NpgsqlDbType.Integer);
            await writer.WriteAsync(accepted ? 4_000_000L + random.Next(6_000) * 1_000L : 0L, NpgsqlDbType.Bigint);
            await WriteNullable<DateOnly>(writer, settled ? new DateOnly(Math.Min(year + 1, 2030), 12, 1) : null, NpgsqlDbType.Date);
            await WriteNullable<long>(writer, settled ? support * 9 / 10 : null, NpgsqlDbType.Bigint);
            await WriteNullable<DateTimeOffset>(writer, status == "Cancelled" ? new DateTimeOffset(year, 9, 1, 0, 0, 0, TimeSpan.Zero) : null, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync();
    }

    private static async Task LoadCoursesAsync(NpgsqlConnection connection)
    {
        var random = new Random(2021);
        await using var writer = await connection.BeginBinaryImportAsync("""
            COPY course_facts (course_id, stage, scheduled_revision, completed_revision, title, course_type, content_group, district, plan_year,
                capacity, budget, enrolled_total, enrolled_female, enrolled_ethnic_minority, completed_total, completed_female,
                completed_ethnic_minority, certified_total, certified_female, certified_ethnic_minority, employed_after)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < Courses; i++)
        {
            var female = random.Next(TraineesPerCourse + 1);
            var minority = random.Next(TraineesPerCourse / 2);
            var completed = TraineesPerCourse - random.Next(4);
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(3, NpgsqlDbType.Integer);
            await writer.WriteAsync(1, NpgsqlDbType.Integer);
            await writer.WriteAsync(1, NpgsqlDbType.Integer);
            await writer.WriteAsync("Lớp dạy nghề", NpgsqlDbType.Varchar);
            await writer.WriteAsync(1 + random.Next(7), NpgsqlDbType.Integer);
            await writer.WriteAsync(1 + random.Next(2), NpgsqlDbType.Integer);
            await writer.WriteAsync(Districts[random.Next(Districts.Length)], NpgsqlDbType.Varchar);
            await writer.WriteAsync(2014 + random.Next(17), NpgsqlDbType.Integer);
            await writer.WriteAsync(30, NpgsqlDbType.Integer);
            await writer.WriteAsync(120_000_000L, NpgsqlDbType.Bigint);
            foreach (var figure in new[] { TraineesPerCourse, female, minority, completed, Math.Min(female, completed), Math.Min(minority, completed), completed, Math.Min(female, completed), Math.Min(minority, completed), completed * 2 / 3 })
            {
                await writer.WriteAsync(figure, NpgsqlDbType.Integer);
            }
        }
        await writer.CompleteAsync();
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type) : writer.WriteNullAsync();
}
