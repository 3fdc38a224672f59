namespace KhuyenCong.Web.Api.Clients;

/// <summary>The calls for registration of the Proposals service (<c>/api/proposals/calls</c>).</summary>
public sealed class CallsClient(GatewayClient gateway)
{
    private const string Root = "/api/proposals/calls";

    public Task<ApiResult<List<RegistrationCall>>> ListAsync(int? year, FundingSource? fundingSource, bool? open, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<List<RegistrationCall>>(Root + Query.Of(("year", year), ("fundingSource", fundingSource), ("open", open)), cancellationToken);

    public Task<ApiResult<RegistrationCall>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<RegistrationCall>($"{Root}/{id}", cancellationToken);

    public Task<ApiResult<RegistrationCall>> OpenAsync(OpenCallRequest request, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<RegistrationCall>(Root, request, cancellationToken);

    public Task<ApiResult<RegistrationCall>> CloseAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<RegistrationCall>($"{Root}/{id}/close", null, cancellationToken);

    public Task<ApiResult<RegistrationCall>> ReopenAsync(Guid id, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<RegistrationCall>($"{Root}/{id}/reopen", null, cancellationToken);
}
