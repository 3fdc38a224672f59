using Aspire.Hosting.ApplicationModel;

namespace KhuyenCong.TestSupport;

/// <summary>
/// The processes of the services an AppHost under test runs. The orchestrator starts each service with
/// <c>dotnet run</c> (the pid the dashboard shows), which runs the service itself as its only child.
/// </summary>
internal static class ServiceProcesses
{
    /// <summary>
    /// The process of <paramref name="resource"/> once it is running, other than <paramref name="other"/> (the
    /// process it had before a kill), waiting at most <paramref name="within"/>.
    /// </summary>
    public static async Task<int> RunningAsync(ResourceNotificationService notifications, string resource, int? other, TimeSpan within)
    {
        using var limit = new CancellationTokenSource(within);
        var running = await notifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && ProcessOf(e.Snapshot) is { } pid && pid != other, limit.Token);
        return ProcessOf(running.Snapshot)!.Value;
    }

    /// <summary>The service's own process: the child of the launcher the snapshot names, or null while there is none.</summary>
    public static int? ProcessOf(CustomResourceSnapshot snapshot)
    {
        if (snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value?.ToString() is not { } value
            || !int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var launcher) || launcher <= 0)
        {
            return null;
        }
        try
        {
            var children = File.ReadAllText($"/proc/{launcher}/task/{launcher}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return children.Length == 1 ? int.Parse(children[0], System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
