namespace KhuyenCong.Web.Api.Clients;

/// <summary>The signed-in user's tasks, kept by the Notifications service (<c>/api/notifications/tasks</c>).</summary>
public sealed class TasksClient(GatewayClient gateway)
{
    private const string Root = "/api/notifications/tasks";

    /// <summary>The open tasks, overdue first then by due date, optionally of one kind.</summary>
    public Task<ApiResult<PageOf<WorkTask>>> ListAsync(TaskKind? kind, int page, int pageSize, CancellationToken cancellationToken = default) =>
        gateway.GetAsync<PageOf<WorkTask>>(Root + Query.Of(("kind", kind), ("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>The count of the app bar's badge.</summary>
    public Task<ApiResult<TaskCount>> CountAsync(CancellationToken cancellationToken = default) =>
        gateway.GetAsync<TaskCount>($"{Root}/count", cancellationToken);

    /// <summary>Which e-mails the signed-in user receives (<c>/api/notifications/preferences</c>).</summary>
    public Task<ApiResult<NotificationPreferences>> PreferencesAsync(CancellationToken cancellationToken = default) =>
        gateway.GetAsync<NotificationPreferences>("/api/notifications/preferences", cancellationToken);

    public Task<ApiResult<NotificationPreferences>> SetPreferencesAsync(NotificationPreferences preferences, CancellationToken cancellationToken = default) =>
        gateway.PutAsync<NotificationPreferences>("/api/notifications/preferences",
            new { preferences.EmailEnabled, preferences.DigestEnabled, preferences.Kinds }, cancellationToken);
}
