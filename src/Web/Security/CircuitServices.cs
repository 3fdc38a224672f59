using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KhuyenCong.Web.Security;

/// <summary>
/// The services of the interactive circuit whose activity is running now. Message handlers of the
/// HTTP client factory live in a scope of their own, so they reach the circuit's services (its
/// authentication state) through this accessor, set around each inbound activity of the circuit.
/// </summary>
public sealed class CircuitServices
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

/// <summary>Sets <see cref="CircuitServices"/> while the circuit handles an event, a navigation or its first render.</summary>
public sealed class CircuitServicesHandler(IServiceProvider services, CircuitServices accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
