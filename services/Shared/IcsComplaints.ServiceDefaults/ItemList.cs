namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// Every REST list answers <c>{"items":[…]}</c>, never a bare array, so a list can gain paging or totals without
/// breaking its callers.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items.</param>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
