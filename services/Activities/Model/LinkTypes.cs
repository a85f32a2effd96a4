namespace Crm.Activities.Model;

/// <summary>What an activity is "Related To": a business record. The names are the directory's record types.</summary>
public enum WhatType
{
    Account,
    Opportunity,
    Case,
    Order,
}

/// <summary>Who an activity is with (its "Name"): a person. The names are the directory's record types.</summary>
public enum WhoType
{
    Contact,
    Lead,
}

/// <summary>Every kind of record an activity can link to, as the lookups name them.</summary>
public enum LinkedRecordType
{
    Account,
    Opportunity,
    Case,
    Order,
    Contact,
    Lead,
}

public static class LinkTypes
{
    /// <summary>The record_type in directory_records of a link type: its name, by construction (a unit test holds them equal).</summary>
    public static string RecordType<TEnum>(this TEnum type)
        where TEnum : struct, Enum => type.ToString();
}
