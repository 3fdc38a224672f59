namespace KhuyenCong.Web.Api.Clients;

/// <summary>What a list of proposals is narrowed to; unset filters are left out of the query.</summary>
public sealed record ProposalFilter
{
    public string? Q { get; init; }
    public int? Year { get; init; }
    /// <summary>The first and last plan years of a period (a programme period of the dashboard and reports).</summary>
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    public FundingSource? FundingSource { get; init; }
    public int? ContentGroup { get; init; }
    public ProposalStatus? Status { get; init; }
    public string? District { get; init; }
    public bool LateOnly { get; init; }
    /// <summary>Only proposals approved beyond the budget envelope under a decision to exceed the plan.</summary>
    public bool OverPlanOnly { get; init; }
    public string? EstablishmentTaxCode { get; init; }
    public string? AdministrativeUnitCode { get; init; }
    /// <summary>Newest codes first, as the register lists them.</summary>
    public bool NewestFirst { get; init; }
}

/// <summary>The Proposals service's proposals, their lifecycle and their follow-ups (<c>/api/proposals</c>).</summary>
public sealed class ProposalsClient(GatewayClient gateway)
{
    private const string Root = "/api/proposals";

    public Task<ApiResult<ProposalPage>> ListAsync(ProposalFilter filter, int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<ProposalPage>(Root + Query.Of(("q", filter.Q), ("year", filter.Year), ("fromYear", filter.FromYear), ("toYear", filter.ToYear), ("fundingSource", filter.FundingSource),
            ("contentGroup", filter.ContentGroup), ("status", filter.Status), ("district", filter.District), ("late", filter.LateOnly), ("overPlan", filter.OverPlanOnly),
            ("establishment", filter.EstablishmentTaxCode), ("administrativeUnitCode", filter.AdministrativeUnitCode),
            ("sort", filter.NewestFirst ? "Code" : null), ("descending", filter.NewestFirst),
            ("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>A page of the list's rows alone (without its totals), for reading the whole list page by page.</summary>
    public async Task<ApiResult<PageOf<ProposalSummary>>> RowsAsync(ProposalFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var result = await ListAsync(filter, page, pageSize, cancellationToken);
        return new ApiResult<PageOf<ProposalSummary>>(
            result.Value is { } rows ? new PageOf<ProposalSummary>(rows.Items, rows.Total, rows.Page, rows.PageSize) : null, result.Problem);
    }

    public Task<ApiResult<Proposal>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<Proposal>($"{Root}/{id}", cancellationToken);

    /// <summary>The accounts that may sit on an appraisal council.</summary>
    public Task<ApiResult<List<Appraiser>>> AppraisersAsync(CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<Appraiser>>($"{Root}/appraisers", cancellationToken);

    public Task<ApiResult<Proposal>> DraftAsync(ProposalRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<Proposal>(Root, request, cancellationToken);

    public Task<ApiResult<Proposal>> ReviseAsync(Guid id, ProposalRequest request, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<Proposal>($"{Root}/{id}", request, cancellationToken);

    public Task<ApiResult<Proposal>> SubmitAsync(Guid id, CancellationToken cancellationToken = default) => MoveAsync(id, "submit", null, cancellationToken);

    public Task<ApiResult<Proposal>> StartAppraisalAsync(Guid id, StartAppraisalRequest council, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "appraisal", council, cancellationToken);

    public Task<ApiResult<Proposal>> ScoreAsync(Guid id, Guid memberId, AppraisalSheet sheet, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<Proposal>($"{Root}/{id}/appraisal/scores/{memberId}", sheet, cancellationToken);

    public Task<ApiResult<Proposal>> DeclareConflictAsync(Guid id, Guid memberId, ConflictOfInterestRequest conflict, CancellationToken cancellationToken = default) =>
        MoveAsync(id, $"appraisal/members/{memberId}/conflict", conflict, cancellationToken);

    public Task<ApiResult<Proposal>> CompleteAppraisalAsync(Guid id, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "appraisal/complete", null, cancellationToken);

    public Task<ApiResult<Proposal>> ApproveAsync(Guid id, ApproveRequest decision, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "approve", decision, cancellationToken);

    public Task<ApiResult<Proposal>> ReturnAsync(Guid id, ReasonRequest reason, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "return", reason, cancellationToken);

    public Task<ApiResult<Proposal>> RejectAsync(Guid id, ReasonRequest reason, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "reject", reason, cancellationToken);

    public Task<ApiResult<Proposal>> CancelAsync(Guid id, CancelProposalRequest cancellation, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "cancel", cancellation, cancellationToken);

    public Task<ApiResult<Proposal>> StartImplementationAsync(Guid id, StartImplementationRequest contract, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "implementation", contract, cancellationToken);

    public Task<ApiResult<Proposal>> RecordPaymentAsync(Guid id, PaymentRequest payment, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "payments", payment, cancellationToken);

    public Task<ApiResult<Proposal>> AmendAsync(Guid id, AmendProposalRequest amendment, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "amendments", amendment, cancellationToken);

    public Task<ApiResult<Proposal>> AcceptAsync(Guid id, AcceptRequest acceptance, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "accept", acceptance, cancellationToken);

    public Task<ApiResult<Proposal>> SettleAsync(Guid id, SettleRequest settlement, CancellationToken cancellationToken = default) =>
        MoveAsync(id, "settle", settlement, cancellationToken);

    public Task<ApiResult<Proposal>> CloseAsync(Guid id, CancellationToken cancellationToken = default) => MoveAsync(id, "close", null, cancellationToken);

    public Task<ApiResult<Proposal>> RecordFollowUpAsync(Guid id, Guid followUpId, FollowUpEvaluationRequest evaluation, CancellationToken cancellationToken = default) =>
        MoveAsync(id, $"follow-ups/{followUpId}", evaluation, cancellationToken);

    /// <summary>The post-support follow-ups of every proposal, overdue ones first when asked for by status.</summary>
    public Task<ApiResult<PageOf<FollowUp>>> FollowUpsAsync(FollowUpStatus? status, string? district, int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<FollowUp>>($"{Root}/follow-ups" + Query.Of(("status", status), ("district", district), ("page", page), ("pageSize", pageSize)),
            cancellationToken);

    /// <summary>Proposals under implementation whose monthly progress reports are missing.</summary>
    public Task<ApiResult<PageOf<OverdueProgress>>> OverdueProgressAsync(int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<OverdueProgress>>($"{Root}/progress-reports/overdue" + Query.Of(("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>Accepted proposals past their settlement deadline.</summary>
    public Task<ApiResult<PageOf<OverdueSettlement>>> OverdueSettlementsAsync(int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<OverdueSettlement>>($"{Root}/settlements/overdue" + Query.Of(("page", page), ("pageSize", pageSize)), cancellationToken);

    private Task<ApiResult<Proposal>> MoveAsync(Guid id, string step, object? body, CancellationToken cancellationToken) =>
        gateway.PostAsync<Proposal>($"{Root}/{id}/{step}", body, cancellationToken);
}
