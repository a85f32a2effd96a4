namespace Crm.Sales.Model;

public enum AccountType
{
    Prospect,
    Customer,
    Partner,
    Other,
}
