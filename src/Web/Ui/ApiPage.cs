using System.Security.Claims;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Web.Api;
using KhuyenCong.Web.Components.Shared;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace KhuyenCong.Web.Ui;

/// <summary>
/// A page that calls the platform: it keeps the last refusal so that each field shows its own message
/// (<see cref="ErrorOf"/>) and the action its detail, and knows when a command is under way. Its
/// user's roles say which actions it offers (<see cref="CanManage"/> and the others).
/// </summary>
public abstract class ApiPage : ComponentBase, IDisposable
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private readonly CancellationTokenSource _disposed = new();

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The signed-in user (the server knows them before the page renders, so the task has completed).</summary>
    protected ClaimsPrincipal User => AuthenticationState is { IsCompletedSuccessfully: true } state ? state.Result.User : Anonymous;

    /// <summary>Records and moves the programme's records (Admin, Officer).</summary>
    protected bool CanManage => User.CanManage();

    /// <summary>Scores appraisals and juries (Admin, Officer, Appraiser).</summary>
    protected bool CanAppraise => User.CanAppraise();

    /// <summary>Files registrations, drafts and entries (Admin, Officer, District officer, Establishment).</summary>
    protected bool CanPropose => User.CanPropose();

    /// <summary>The establishment an Establishment user speaks for: lists show its records only.</summary>
    protected string? OwnTaxCode => User.IsInRole(PlatformRoles.Establishment) ? User.FindFirst(PlatformClaims.TaxCode)?.Value : null;

    /// <summary>The administrative unit a District officer works for: lists show its records only.</summary>
    protected string? OwnUnitCode => User.IsInRole(PlatformRoles.DistrictOfficer) ? User.FindFirst(PlatformClaims.UnitCode)?.Value : null;

    [Inject] protected GatewayClient Gateway { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] private UnreadableInputs Unreadable { get; set; } = null!;
    [Inject] private Text Words { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;

    protected ApiProblem? Problem { get; set; }

    /// <summary>The command under way, by name, so that only its button shows progress.</summary>
    protected string? Busy { get; private set; }

    protected CancellationToken Aborted => _disposed.Token;

    /// <summary>The command whose refusal <see cref="Problem"/> holds.</summary>
    protected string? FailedCommand { get; private set; }

    /// <summary>A field's message; the field counts as shown on this page from then on (<see cref="UnshownProblem"/>).</summary>
    protected string? ErrorOf(string field)
    {
        _fieldsShown.Add(field);
        return Problem?.For(field);
    }

    /// <summary>
    /// The part of the refusal that no field of this page shows, for the alert beside the action: a refusal that names
    /// no field, or the messages about fields the page has no input for (an error never goes unseen).
    /// </summary>
    protected ApiProblem? UnshownProblem => Problem?.Without(_fieldsShown);

    /// <summary>The part of one command's refusal that no field of this page shows (see <see cref="UnshownProblem"/>).</summary>
    protected ApiProblem? UnshownProblemOf(string command) => ProblemOf(command)?.Without(_fieldsShown);

    private readonly HashSet<string> _fieldsShown = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The refusal to show beside one command's button, when it was that command that failed.</summary>
    protected ApiProblem? ProblemOf(string command) => FailedCommand == command ? Problem : null;

    /// <summary>A field's message, when the given command's request was refused for it.</summary>
    protected string? ErrorOf(string command, string field)
    {
        _fieldsShown.Add(field);
        return ProblemOf(command)?.For(field);
    }

    /// <summary>
    /// Runs a command; on success hands the answer on and says what was done (<paramref name="done"/>, naming
    /// the record from the answer), on refusal keeps the problem for the form.
    /// </summary>
    protected async Task<bool> RunAsync<TResult>(string name, Func<CancellationToken, Task<ApiResult<TResult>>> command, Func<TResult, Task>? then = null,
        Func<TResult, string>? done = null)
    {
        if (Unreadable.Labels.Count > 0)
        {
            // Sent now, what the person typed in those fields would be lost; they are named instead.
            Problem = new ApiProblem(400, "/errors/unreadable-input", Words["Dữ liệu không hợp lệ"],
                $"{Words["Chưa gửi: sửa ô nhập chưa đúng dạng"]}: {string.Join(", ", Unreadable.Labels)}.", new Dictionary<string, string[]>());
            FailedCommand = name;
            return false;
        }
        Busy = name;
        Problem = null;
        try
        {
            var result = await command(Aborted);
            Problem = result.Problem;
            FailedCommand = result.Succeeded ? null : name;
            if (result.Succeeded && then is not null)
            {
                await then(result.Value!);
            }
            if (result.Succeeded && done is not null)
            {
                Snackbar.Add(done(result.Value!), Severity.Success);
            }
            return result.Succeeded;
        }
        finally
        {
            Busy = null;
        }
    }

    /// <summary>
    /// Asks before a command whose effect cannot simply be taken back, stating that effect; true when the person
    /// confirmed. Nothing is sent before that. While a field on screen holds text that is no value there is nothing
    /// to confirm yet: true without asking, so that the command (<see cref="RunAsync{TResult}"/>) names the field
    /// under its button and sends nothing, instead of asking first and refusing after.
    /// </summary>
    protected async Task<bool> ConfirmAsync(string title, string consequence, string confirmText, bool destructive = false)
    {
        if (Unreadable.Labels.Count > 0)
        {
            return true;
        }
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Consequence, consequence },
            { d => d.ConfirmText, confirmText },
            { d => d.Destructive, destructive },
        };
        var dialog = await Dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, CloseOnEscapeKey = true });
        var answer = await dialog.Result;
        return answer is { Canceled: false };
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
