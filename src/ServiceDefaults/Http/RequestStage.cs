using Microsoft.AspNetCore.Builder;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>
/// Middleware a platform library adds at the end of <c>UseServiceDefaults</c>, after authorization and the
/// query bounds (the data project's <c>Idempotency-Key</c> handling), registered as a singleton where the
/// library registers what the middleware needs.
/// </summary>
public sealed class RequestStage(Action<IApplicationBuilder> use)
{
    public void UseIn(IApplicationBuilder app) => use(app);
}
