namespace Crm.Contracts;

/// <summary>Finds an event record by its full name, as the outbox stores it.</summary>
public static class IntegrationEventTypes
{
    public static Type? Resolve(string fullName) => typeof(IntegrationEventTypes).Assembly.GetType(fullName, throwOnError: false);
}
