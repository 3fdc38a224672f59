namespace KhuyenCong.TestSupport;

/// <summary>How the tests that start the whole AppHost run it: local mode, free ports, a throwaway data directory.</summary>
public static class LocalPlatform
{
    /// <summary>A new data directory the postgres and rabbitmq users can reach (the servers run as them).</summary>
    public static DirectoryInfo NewDataDirectory(string prefix)
    {
        var data = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data.FullName, (UnixFileMode)0b111_101_101);
        }
        return data;
    }

    /// <summary>
    /// The AppHost arguments: local servers and the gateway on free ports, no management UI, no fsync, and
    /// a per-user rate limit a test run does not reach (a test acts as one officer for thousands of calls a
    /// minute; the limit itself is tested on the gateway alone).
    /// </summary>
    public static string[] Arguments(DirectoryInfo data) =>
    [
        "--Infrastructure:Mode=local",
        $"--Infrastructure:DataDirectory={data.FullName}",
        "--Infrastructure:PostgresPort=0",
        "--Infrastructure:RabbitMqPort=0",
        "--Infrastructure:RabbitMqDistributionPort=0",
        "--Infrastructure:RabbitMqManagementPort=-1",
        "--Infrastructure:PostgresSettings:0=fsync=off",
        "--Gateway:Port=0",
        "--Gateway:Protection:PermitsPerClient=1000000",
    ];
}
