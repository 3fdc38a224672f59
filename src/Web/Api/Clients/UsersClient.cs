namespace KhuyenCong.Web.Api.Clients;

/// <summary>The Identity service's user management, for administrators (<c>/api/users</c>).</summary>
public sealed class UsersClient(GatewayClient gateway)
{
    private const string Root = "/api/users";

    public Task<ApiResult<PageOf<PlatformUser>>> ListAsync(string? q, string? role, int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<PlatformUser>>(Root + Query.Of(("q", q), ("role", role), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<ApiResult<PlatformUser>> CreateAsync(UserForm form, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<PlatformUser>(Root, form.ToCreateRequest(), cancellationToken);

    public Task<ApiResult<PlatformUser>> UpdateAsync(string id, UserForm form, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<PlatformUser>($"{Root}/{id}", form.ToUpdateRequest(), cancellationToken);

    public Task<ApiResult<bool>> SetPasswordAsync(string id, string? newPassword, CancellationToken cancellationToken = default) =>
        gateway.PostCommandAsync($"{Root}/{id}/password", new { newPassword }, cancellationToken);

    /// <summary>Locks the account out, or lets it in again.</summary>
    public Task<ApiResult<PlatformUser>> SetLockedAsync(string id, bool locked, CancellationToken cancellationToken = default) =>
        gateway.PostAsync<PlatformUser>($"{Root}/{id}/{(locked ? "lock" : "unlock")}", null, cancellationToken);
}
