using KhuyenCong.Web.Api;
using KhuyenCong.Web.Api.Clients;
using KhuyenCong.Web.Ui;
using Microsoft.AspNetCore.Components;

namespace KhuyenCong.Web.Components.Pages.Proposals;

/// <summary>
/// The form of one step of a proposal's lifecycle: it sends its own command and hands the proposal as
/// the service now holds it to the page (<see cref="OnChanged"/>), which shows it again.
/// </summary>
public abstract class ProposalStepForm : ApiPage
{
    private Proposal? _shown;

    [Inject] protected ProposalsClient ProposalsApi { get; set; } = null!;

    [Parameter, EditorRequired] public Proposal Proposal { get; set; } = null!;

    [Parameter] public EventCallback<Proposal> OnChanged { get; set; }

    /// <summary>The command the page itself is running: this form's buttons wait for it as well.</summary>
    [Parameter] public string? PageBusy { get; set; }

    /// <summary>The command under way, this form's or the page's.</summary>
    protected string? AnyBusy => Busy ?? PageBusy;

    protected override void OnParametersSet()
    {
        // Only a new answer of the service restarts the form; a re-render of the page keeps what was typed.
        if (!ReferenceEquals(_shown, Proposal))
        {
            _shown = Proposal;
            Show(Proposal);
        }
    }

    /// <summary>Starts the form from what the proposal now says.</summary>
    protected virtual void Show(Proposal proposal)
    {
    }

    /// <summary>Sends the step's command; <paramref name="done"/> says what was done, naming the proposal as answered.</summary>
    protected Task SendAsync(string command, Func<CancellationToken, Task<ApiResult<Proposal>>> call, Func<Proposal, string> done) =>
        RunAsync(command, call, proposal => OnChanged.InvokeAsync(proposal), done);
}
