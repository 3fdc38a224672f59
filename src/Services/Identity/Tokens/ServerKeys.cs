using System.Security.Cryptography;
using KhuyenCong.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace KhuyenCong.Identity.Tokens;

/// <summary>
/// Gives the token server its RSA signing and encryption keys from identitydb, making them on the
/// very first start. Kept in the database, the keys survive restarts and are shared by replicas, so
/// tokens, authorization codes and refresh tokens stay valid. Runs when the server's options are first
/// needed, after the migrations were applied at start-up.
/// </summary>
internal sealed class ServerKeys(IServiceScopeFactory scopes, TimeProvider time) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        options.SigningCredentials.Add(new SigningCredentials(LoadOrCreate(db, KeyMaterial.Signing), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            LoadOrCreate(db, KeyMaterial.Encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey LoadOrCreate(IdentityDb db, string purpose)
    {
        var stored = db.Keys.AsNoTracking().SingleOrDefault(k => k.Purpose == purpose);
        if (stored is null)
        {
            using var rsa = RSA.Create(2048);
            db.Keys.Add(new KeyMaterial { Purpose = purpose, Pkcs8 = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), CreatedAt = time.GetUtcNow() });
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException)
            {
                // Another replica made its key first (unique purpose): use that one.
                db.ChangeTracker.Clear();
            }
            stored = db.Keys.AsNoTracking().Single(k => k.Purpose == purpose);
        }

        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.Pkcs8), out _);
        var securityKey = new RsaSecurityKey(key);
        securityKey.KeyId = Base64UrlEncoder.Encode(securityKey.ComputeJwkThumbprint());
        return securityKey;
    }
}
