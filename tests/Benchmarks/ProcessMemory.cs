namespace KhuyenCong.Benchmarks;

internal static class ProcessMemory
{
    /// <summary>
    /// VmRSS of the running KhuyenCong.&lt;name&gt; processes, in MB, read from /proc; with <paramref name="under"/>, only
    /// those whose program lies in that folder (this repository's builds, not another checkout's).
    /// </summary>
    public static Dictionary<string, double> ResidentMegabytes(IEnumerable<string> names, string? under = null)
    {
        var result = new Dictionary<string, double>();
        foreach (var name in names)
        {
            foreach (var status in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "status")))
            {
                string[] lines;
                try
                {
                    lines = File.ReadAllLines(status);
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
                var cmdline = File.ReadAllText(Path.Combine(Path.GetDirectoryName(status)!, "cmdline"));
                if (!cmdline.Contains($"KhuyenCong.{name}", StringComparison.Ordinal) || (under is not null && !cmdline.StartsWith(under, StringComparison.Ordinal)))
                {
                    continue;
                }
                var rss = lines.First(l => l.StartsWith("VmRSS:"));
                result[name] = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
        }
        return result;
    }
}
