using System.Net.Mail;
using Xunit;

namespace KhuyenCong.DemoData.Tests;

/// <summary>The demo's accounts have mailboxes, so their reminders reach the local SMTP server's inbox and no real one.</summary>
public sealed class DemoAccountsTests
{
    [Fact]
    public void Every_demo_account_has_its_own_address_on_the_reserved_example_domain()
    {
        var people = AppraisersLoader.Appraisers.Concat(ProductsPlan.Jurors).ToList();

        Assert.All(people, person =>
        {
            var address = new MailAddress(person.Email);
            Assert.Equal(person.Email, address.Address);
            Assert.EndsWith(".example", address.Host, StringComparison.Ordinal);
        });
        Assert.Equal(people.Count, people.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
