using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.DemoData;

/// <summary>
/// The fairs of <see cref="FairsPlan"/>, recorded after the fact with the days they were published,
/// forms received and held. A fair is found by its year and name and taken on from the state it is in;
/// a registration by its establishment.
/// </summary>
public sealed class FairsLoader(GatewayClient gateway, ILogger logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var fair in FairsPlan.Fairs)
        {
            await TakeAsync(fair, cancellationToken);
        }
        logger.LogInformation("Fairs: {Count} fairs loaded with {Registrations} registrations", FairsPlan.Fairs.Count, FairsPlan.Fairs.Sum(f => f.Registrations.Count));
    }

    private async Task TakeAsync(DemoFair plan, CancellationToken cancellationToken)
    {
        var fair = await FindAsync(plan, cancellationToken) ?? await gateway.PostAsync("/api/fairs", new
        {
            name = plan.Name, kind = plan.Kind, organiser = plan.Organiser, venue = plan.Venue, country = plan.Country, province = plan.Province,
            startDate = plan.StartDate, endDate = plan.EndDate, registrationDeadline = plan.RegistrationDeadline,
            boothCount = plan.BoothCount, boothRent = plan.BoothRent,
            extraSupportPerParticipant = plan.ExtraSupportPerParticipant, extraCostsDescription = plan.ExtraCostsDescription,
        }, cancellationToken, HttpStatusCode.Created);
        var path = $"/api/fairs/{fair.GetProperty("id").GetString()}";
        while (true)
        {
            switch (fair.GetProperty("status").GetString())
            {
                case "Draft":
                    fair = await gateway.PostAsync($"{path}/publish", new { publishedOn = plan.PublishedOn }, cancellationToken);
                    break;
                case "OpenForRegistration":
                    await RegisterAsync(path, plan, cancellationToken);
                    fair = plan.CancellationReason is { } reason
                        ? await gateway.PostAsync($"{path}/cancel", new { reason }, cancellationToken)
                        : await gateway.PostAsync($"{path}/close-registration", null, cancellationToken);
                    break;
                case "RegistrationClosed":
                    await gateway.PostAsync($"{path}/allocation", null, cancellationToken);
                    fair = await gateway.GetAsync(path, cancellationToken);
                    break;
                case "Allocated":
                    fair = await gateway.PostAsync($"{path}/held", new { heldOn = plan.EndDate }, cancellationToken);
                    break;
                case "Held":
                    await RecordOutcomesAsync(path, plan, cancellationToken);
                    fair = await gateway.PostAsync($"{path}/close", null, cancellationToken);
                    break;
                default:
                    return;
            }
        }
    }

    private async Task<JsonElement?> FindAsync(DemoFair plan, CancellationToken cancellationToken)
    {
        var page = await gateway.GetAsync($"/api/fairs?year={plan.StartDate.Year}&q={Uri.EscapeDataString(plan.Name)}", cancellationToken);
        foreach (var item in page.GetProperty("items").EnumerateArray().Where(f => f.GetProperty("name").GetString() == plan.Name))
        {
            return await gateway.GetAsync($"/api/fairs/{item.GetProperty("id").GetString()}", cancellationToken);
        }
        return null;
    }

    /// <summary>Records the forms not recorded yet, each with the day the Centre received it.</summary>
    private async Task RegisterAsync(string path, DemoFair plan, CancellationToken cancellationToken)
    {
        var registered = (await gateway.GetAsync($"{path}/registrations", cancellationToken)).EnumerateArray()
            .Select(r => r.GetProperty("establishmentTaxCode").GetString()).ToHashSet();
        foreach (var form in plan.Registrations.Where(r => !registered.Contains(r.TaxCode)))
        {
            await gateway.PostAsync($"{path}/registrations", new
            {
                establishmentTaxCode = form.TaxCode, products = form.Products, boothsWanted = form.BoothsWanted, receivedOn = form.ReceivedOn,
                contact = new { name = form.ContactName, phone = form.ContactPhone },
            }, cancellationToken, HttpStatusCode.Created);
        }
    }

    /// <summary>Records the figures of every participant (a registration with a booth) whose outcome is not in yet.</summary>
    private async Task RecordOutcomesAsync(string path, DemoFair plan, CancellationToken cancellationToken)
    {
        var forms = plan.Registrations.ToDictionary(r => r.TaxCode);
        foreach (var registration in (await gateway.GetAsync($"{path}/registrations", cancellationToken)).EnumerateArray()
                     .Where(r => r.GetProperty("boothsAllocated").GetInt32() > 0 && r.GetProperty("outcome").ValueKind == JsonValueKind.Null))
        {
            var outcome = forms[registration.GetProperty("establishmentTaxCode").GetString()!].Outcome;
            await gateway.PutAsync($"{path}/registrations/{registration.GetProperty("id").GetString()}/outcome", new
            {
                contractsSigned = outcome.ContractsSigned, contractValue = outcome.ContractValue, sales = outcome.Sales, visitors = outcome.Visitors,
            }, cancellationToken);
        }
    }
}
