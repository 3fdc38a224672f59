namespace KhuyenCong.Benchmarks;

/// <summary>
/// The resident memory of one process, in MB, as the kernel splits it (/proc/&lt;pid&gt;/status): anonymous pages
/// (the garbage-collected heap, native allocations, stacks), file-backed pages (the mapped assemblies and native
/// libraries, which processes share yet RSS counts in each) and shared memory (the JIT's code and stubs, which the
/// runtime maps twice, writable and executable, through a memory file). <see cref="Proportional"/> (PSS) counts a
/// page shared by n processes as 1/n in each.
/// </summary>
internal sealed record Residency(double Resident, double Anonymous, double FileBacked, double SharedMemory, double Proportional);

internal static class ProcessMemory
{
    /// <summary>
    /// VmRSS of the running KhuyenCong.&lt;name&gt; processes, in MB, read from /proc; with <paramref name="under"/>, only
    /// those whose program lies in that folder (this repository's builds, not another checkout's).
    /// </summary>
    public static Dictionary<string, double> ResidentMegabytes(IEnumerable<string> names, string? under = null) =>
        Residencies(names, under).ToDictionary(r => r.Key, r => r.Value.Resident);

    /// <summary>The <see cref="Residency"/> of the running KhuyenCong.&lt;name&gt; processes (see <see cref="ResidentMegabytes"/>).</summary>
    public static Dictionary<string, Residency> Residencies(IEnumerable<string> names, string? under = null)
    {
        var result = new Dictionary<string, Residency>();
        foreach (var name in names)
        {
            foreach (var process in Directory.EnumerateDirectories("/proc"))
            {
                string[] lines;
                try
                {
                    lines = File.ReadAllLines(Path.Combine(process, "status"));
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }
                var command = lines.FirstOrDefault(l => l.StartsWith("Name:"))?[5..].Trim();
                // /proc truncates names to 15 characters: "KhuyenCong.Prop".
                if (command is null || !$"KhuyenCong.{name}".StartsWith(command, StringComparison.Ordinal) || command.Length < 12)
                {
                    continue;
                }
                var cmdline = File.ReadAllText(Path.Combine(process, "cmdline"));
                if (!cmdline.Contains($"KhuyenCong.{name}", StringComparison.Ordinal) || (under is not null && !cmdline.StartsWith(under, StringComparison.Ordinal)))
                {
                    continue;
                }
                result[name] = new Residency(
                    Megabytes(lines, "VmRSS:"),
                    Megabytes(lines, "RssAnon:"),
                    Megabytes(lines, "RssFile:"),
                    Megabytes(lines, "RssShmem:"),
                    Megabytes(File.ReadAllLines(Path.Combine(process, "smaps_rollup")), "Pss:"));
            }
        }
        return result;
    }

    /// <summary>The value of a "Name:  1234 kB" line, in MB.</summary>
    private static double Megabytes(string[] lines, string field) =>
        long.Parse(lines.First(l => l.StartsWith(field, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
}
