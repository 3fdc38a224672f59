namespace KhuyenCong.Web.Api.Clients;

/// <summary>The Fairs service's trade-promotion fairs, registrations and booth allocation (<c>/api/fairs</c>).</summary>
public sealed class FairsClient(GatewayClient gateway)
{
    private const string Root = "/api/fairs";

    public Task<ApiResult<PageOf<FairSummary>>> ListAsync(string? q, int? year, FairStatus? status, int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<FairSummary>>(Root + Query.Of(("q", q), ("year", year), ("status", status), ("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>The fairs held between two dates, a page at a time.</summary>
    public Task<ApiResult<PageOf<FairSummary>>> HeldAsync(DateOnly from, DateOnly to, int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<FairSummary>>(Root + Query.Of(("from", from), ("to", to), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<ApiResult<Fair>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<Fair>($"{Root}/{id}", cancellationToken);

    /// <summary>What was done to the fair, by whom and when (who registered, for the Centre only).</summary>
    public Task<ApiResult<List<HistoryEntry>>> HistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<HistoryEntry>>($"{Root}/{id}/history", cancellationToken);

    public Task<ApiResult<Fair>> ScheduleAsync(FairRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Fair>(Root, request, cancellationToken);

    /// <summary>Moves a fair a step on: <paramref name="step"/> is the step's path under the fair (<c>open</c>, <c>held</c>…).</summary>
    public Task<ApiResult<Fair>> MoveAsync(Guid id, string step, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Fair>($"{Root}/{id}/{step}", null, cancellationToken);

    public Task<ApiResult<Fair>> CancelAsync(Guid id, CancelRequest cancellation, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Fair>($"{Root}/{id}/cancel", cancellation, cancellationToken);

    public Task<ApiResult<Allocation>> AllocationAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<Allocation>($"{Root}/{id}/allocation", cancellationToken);

    public Task<ApiResult<Allocation>> AllocateAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Allocation>($"{Root}/{id}/allocation", null, cancellationToken);

    public Task<ApiResult<FairRegistrationDetails>> RegisterAsync(Guid id, RegistrationRequest registration, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<FairRegistrationDetails>($"{Root}/{id}/registrations", registration, cancellationToken);

    /// <summary>An establishment's registrations across fairs, newest fair first (none for one outside the user's scope).</summary>
    public Task<ApiResult<PageOf<EstablishmentFairRegistration>>> RegistrationsOfAsync(string establishmentTaxCode, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<EstablishmentFairRegistration>>($"{Root}/registrations" + Query.Of(("establishmentTaxCode", establishmentTaxCode),
            ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<ApiResult<FairRegistrationDetails>> RecordOutcomeAsync(Guid id, Guid registrationId, FairOutcomeRequest outcome, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<FairRegistrationDetails>($"{Root}/{id}/registrations/{registrationId}/outcome", outcome, cancellationToken);
}
