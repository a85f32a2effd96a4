using Crm.Billing.Infrastructure;
using Crm.Billing.IntegrationEvents;
using Crm.Billing.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Crm.Billing.Services;

public enum GenerateContractOutcome
{
    Created,
    UnknownDeal,
    AlreadyContracted,
    Refused,
    Invalid,
}

public sealed record GenerateContractResult(GenerateContractOutcome Outcome, Contract? Contract = null, string? Reason = null);

/// <summary>What a contract is generated with; the price per cycle defaults to the deal's retainer lines.</summary>
public sealed record ContractTerms(DateOnly Start, DateOnly End, BillingCycle Cycle, decimal? PricePerCycle, string? Notes);

/// <summary>
/// Turns a won retainer deal into a contract, in one transaction, once per opportunity: the won deal's
/// row lock queues concurrent calls, and the unique index on contracts.opportunity_id backs it up.
/// </summary>
public sealed class ContractGenerator(BillingDbContext db)
{
    /// <param name="checkpoint">Called after each step (tests use it to fail in the middle).</param>
    public async Task<GenerateContractResult> GenerateAsync(Guid opportunityId, ContractTerms terms, Guid by, DateTime now, Action<string> checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.BeginTransactionScopeAsync(cancellationToken);
            var deal = await db.WonDeals.FromSqlInterpolated($"SELECT * FROM won_deals WHERE opportunity_id = {opportunityId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
            if (deal is null)
            {
                return new GenerateContractResult(GenerateContractOutcome.UnknownDeal);
            }

            if (await ExistingAsync(opportunityId, cancellationToken) is { } existing)
            {
                return new GenerateContractResult(GenerateContractOutcome.AlreadyContracted, existing);
            }

            if (Contract.CannotGenerateFrom(deal) is { } reason)
            {
                return new GenerateContractResult(GenerateContractOutcome.Refused, Reason: reason);
            }

            var price = terms.PricePerCycle ?? Contract.RetainerPrice(deal);
            if (price <= 0)
            {
                return new GenerateContractResult(GenerateContractOutcome.Invalid, Reason: "The retainer lines add up to 0.00; give a Price per Cycle.");
            }

            var number = (await db.Database.SqlQuery<long>($"SELECT nextval('contract_number_seq') AS \"Value\"").ToListAsync(cancellationToken)).Single();
            var contract = Contract.Generate(deal, number, terms.Start, terms.End, terms.Cycle, price, terms.Notes, by, now);
            db.Contracts.Add(contract);
            db.AddIntegrationEvent(ContractEvents.Created(contract, now));
            await db.SaveChangesAsync(cancellationToken);
            checkpoint("contract");

            await transaction.CommitAsync(cancellationToken);
            return new GenerateContractResult(GenerateContractOutcome.Created, contract);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            if (await ExistingAsync(opportunityId, cancellationToken) is { } winner)
            {
                return new GenerateContractResult(GenerateContractOutcome.AlreadyContracted, winner);
            }

            throw;
        }
    }

    private Task<Contract?> ExistingAsync(Guid opportunityId, CancellationToken cancellationToken) =>
        db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.OpportunityId == opportunityId, cancellationToken);
}
