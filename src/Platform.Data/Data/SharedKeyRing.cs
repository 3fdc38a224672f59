using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCong.Platform.Data;

public static class SharedKeyRing
{
    /// <summary>
    /// Keeps the host's data-protection key ring in its own database (table <c>data_protection_keys</c>), so
    /// that every replica reads and writes the same keys: a cookie, an antiforgery token or a sign-in
    /// correlation written by one instance is read by any other, and survives a restart. Without it each
    /// process makes its own keys in memory and a request that lands on another replica is refused.
    /// The keys are as sensitive as the database that holds them, and are part of its backups.
    /// </summary>
    public static IHostApplicationBuilder AddSharedKeyRing<TContext>(this IHostApplicationBuilder builder, string applicationName)
        where TContext : DbContext, IDataProtectionKeyContext
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToDbContext<TContext>();
        return builder;
    }
}
