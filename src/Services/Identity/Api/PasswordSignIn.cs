using System.Net;
using System.Security.Cryptography;
using KhuyenCong.Identity.Data;
using KhuyenCong.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Identity.Api;

public enum SignInVerdict
{
    Succeeded,

    /// <summary>Unknown user name or wrong password: the two are never told apart.</summary>
    WrongCredentials,

    /// <summary>Too many recent failures from this address or for this name; nothing was checked.</summary>
    Throttled,

    /// <summary>The password is right but the account is locked by an administrator.</summary>
    NotAllowed,

    /// <summary>Longer than any password can be; refused before any hashing.</summary>
    PasswordTooLong,
}

public sealed record SignInOutcome(SignInVerdict Verdict, PlatformUser? User = null, TimeSpan RetryAfter = default)
{
    /// <summary>Whole seconds for a Retry-After header, at least one.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Checks a user name and password for the token endpoint and the login page alike: throttled per address and
/// name (see <see cref="SignInThrottle"/>), and as slow for an unknown name as for a wrong password, so that
/// neither the answer nor its timing tells which user names exist.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IPasswordHasher<PlatformUser> hasher, SignInThrottle throttle)
{
    /// <summary>The longest password accepted anywhere (set, reset, sign-in); hashing longer input only costs the server.</summary>
    public const int MaxPasswordLength = 128;

    private static string? s_unknownUserHash;

    public async Task<SignInOutcome> CheckAsync(string userName, string password, IPAddress? address)
    {
        if (password.Length > MaxPasswordLength)
        {
            return new SignInOutcome(SignInVerdict.PasswordTooLong);
        }
        if (throttle.RetryAfter(address, userName) is { } wait)
        {
            return new SignInOutcome(SignInVerdict.Throttled, RetryAfter: wait);
        }

        var user = await users.FindByNameAsync(userName.Trim());
        // Identity's lockout counter is not driven from here (no AccessFailedAsync): the throttle takes its place.
        var valid = user is null ? VerifyAgainstUnknownUser(password) : await users.CheckPasswordAsync(user, password);
        if (!valid || user is null)
        {
            throttle.RecordFailure(address, userName);
            return new SignInOutcome(SignInVerdict.WrongCredentials);
        }
        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return new SignInOutcome(SignInVerdict.NotAllowed);
        }
        throttle.RecordSuccess(address, userName);
        return new SignInOutcome(SignInVerdict.Succeeded, user);
    }

    /// <summary>Spends on an unknown user name what verifying a real password costs, and always fails.</summary>
    private bool VerifyAgainstUnknownUser(string password)
    {
        var nobody = new PlatformUser();
        s_unknownUserHash ??= hasher.HashPassword(nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(nobody, s_unknownUserHash, password);
        return false;
    }
}
