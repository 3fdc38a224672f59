using KhuyenCong.Web.Api;
using Microsoft.AspNetCore.Components;

namespace KhuyenCong.Web.Ui;

/// <summary>
/// A page that calls the platform: it keeps the last refusal so that each field shows its own message
/// (<see cref="ErrorOf"/>) and the action its detail, and knows when a command is under way.
/// </summary>
public abstract class ApiPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject] protected GatewayClient Gateway { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    protected ApiProblem? Problem { get; set; }

    /// <summary>The command under way, by name, so that only its button shows progress.</summary>
    protected string? Busy { get; private set; }

    protected CancellationToken Aborted => _disposed.Token;

    protected string? ErrorOf(string field) => Problem?.For(field);

    /// <summary>Runs a command; on success hands the answer on, on refusal keeps the problem for the form.</summary>
    protected async Task<bool> RunAsync<TResult>(string name, Func<CancellationToken, Task<ApiResult<TResult>>> command, Func<TResult, Task>? then = null)
    {
        Busy = name;
        Problem = null;
        try
        {
            var result = await command(Aborted);
            Problem = result.Problem;
            if (result.Succeeded && then is not null)
            {
                await then(result.Value!);
            }
            return result.Succeeded;
        }
        finally
        {
            Busy = null;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
