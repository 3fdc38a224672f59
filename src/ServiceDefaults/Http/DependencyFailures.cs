namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>What a failure of a dependency (the database, the message broker) means to the caller.</summary>
public enum DependencyFailure
{
    /// <summary>Someone else changed the record first (a deadlock, a serialization failure, a lock timeout): 409.</summary>
    ConcurrentChange,
    /// <summary>A unique key another request took first: 409.</summary>
    Duplicate,
    /// <summary>The dependency is out of reach: 503 with <c>Retry-After</c>.</summary>
    Unavailable,
}

/// <summary>
/// Recognises the exceptions of a dependency a host uses (its database driver, its broker client), so the
/// exception handler answers them without ServiceDefaults referencing those libraries; the platform's data
/// project registers one with the database and the bus.
/// </summary>
public interface IDependencyFailures
{
    /// <summary>What the exception means and what it names (the unique constraint of a duplicate); null when it is none of this dependency's.</summary>
    (DependencyFailure Kind, string? Subject)? Recognise(Exception exception);
}
