namespace KhuyenCong.Web.Api.Clients;

/// <summary>The province's lists of national proposals sent to the Ministry (<c>/api/proposals/national-submissions</c>).</summary>
public sealed class NationalSubmissionsClient(GatewayClient gateway)
{
    private const string Root = "/api/proposals/national-submissions";

    public Task<ApiResult<List<NationalSubmission>>> ListAsync(CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<NationalSubmission>>(Root, cancellationToken);

    /// <summary>Starts the year's list from its national proposals.</summary>
    public Task<ApiResult<NationalSubmission>> PrepareAsync(int planYear, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<NationalSubmission>(Root, new { planYear }, cancellationToken);

    /// <summary>Takes the year's national proposals again, keeping the dossier checks of those that stay.</summary>
    public Task<ApiResult<NationalSubmission>> RefreshAsync(int planYear, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<NationalSubmission>($"{Root}/{planYear}/refresh", new { }, cancellationToken);

    public Task<ApiResult<NationalSubmission>> CheckDossierAsync(int planYear, Guid proposalId, DossierCheckRequest request,
        CancellationToken cancellationToken = default) =>
        gateway.PostAsync<NationalSubmission>($"{Root}/{planYear}/dossiers/{proposalId}", request, cancellationToken);

    public Task<ApiResult<NationalSubmission>> SubmitAsync(int planYear, SubmitNationalListRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<NationalSubmission>($"{Root}/{planYear}/submit", request, cancellationToken);

    public Task<ApiResult<NationalSubmission>> RecordDecisionAsync(int planYear, Guid proposalId, MinistryDecisionRequest request,
        CancellationToken cancellationToken = default) =>
        gateway.PostAsync<NationalSubmission>($"{Root}/{planYear}/decisions/{proposalId}", request, cancellationToken);
}
