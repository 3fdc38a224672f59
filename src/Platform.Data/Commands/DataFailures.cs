using KhuyenCong.ServiceDefaults.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace KhuyenCong.Platform.Commands;

/// <summary>
/// What PostgreSQL's and RabbitMQ's exceptions mean to a caller, for the host's exception handler: a lost
/// race is a concurrent change, a unique key taken a duplicate, a server out of reach unavailable.
/// </summary>
public sealed class DataFailures : IDependencyFailures
{
    public (DependencyFailure Kind, string? Subject)? Recognise(Exception exception)
    {
        if (CommandPath.IsConflict(exception))
        {
            return (DependencyFailure.ConcurrentChange, null);
        }
        if (CommandPath.UniqueViolation(exception) is { } constraint)
        {
            return (DependencyFailure.Duplicate, constraint);
        }
        return IsUnavailable(exception) ? (DependencyFailure.Unavailable, null) : null;
    }

    /// <summary>A dependency out of reach: the connection refused or cut, the server shutting down or full.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                     || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                                     || postgres.SqlState == PostgresErrorCodes.TooManyConnections
                                                     || postgres.SqlState == PostgresErrorCodes.CannotConnectNow:
                case NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                case RabbitMQ.Client.Exceptions.BrokerUnreachableException:
                case RabbitMQ.Client.Exceptions.AlreadyClosedException:
                    return true;
                case PostgresException:
                    return false;
            }
        }
        return false;
    }

    /// <summary>Registers the recognition once, whichever of the database and the bus a host adds first.</summary>
    internal static void Register(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyFailures, DataFailures>());
}
