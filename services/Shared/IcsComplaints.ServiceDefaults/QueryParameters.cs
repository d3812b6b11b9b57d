using System.Reflection;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// Endpoints answer only the query parameters their handler reads. Anything else is refused with a field-level 400
/// that names it, so a search by something an endpoint cannot search (a name, an NHS number) never silently returns
/// the whole list instead.
/// </summary>
public static class QueryParameters
{
    /// <summary>Refuses requests to these endpoints that carry a query parameter none of their handlers' parameters bind.</summary>
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var parameters = context.MethodInfo.GetParameters();
            var bound = parameters
                .Select(p => p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Name)
                .OfType<string>()
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var offered = parameters
                .Where(IsQueryValue)
                .Select(p => p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Name!)
                .ToList();
            return invocation =>
            {
                var request = invocation.HttpContext.Request;
                var unknown = request.Query.Keys.Where(key => !bound.Contains(key) || request.RouteValues.ContainsKey(key)).ToList();
                if (unknown.Count > 0)
                {
                    var takes = offered.Where(name => !request.RouteValues.ContainsKey(name)).ToList();
                    throw new RequestValidationException(unknown.ToDictionary(
                        key => key,
                        key => new[] { takes.Count == 0 ? $"{key} is not a parameter here; this address takes none." : $"{key} is not a parameter here; this address takes {string.Join(", ", takes)}." }));
                }
                return next(invocation);
            };
        });
        return builder;
    }

    // Values a query string can carry: text, numbers, flags, dates, identifiers and enumerations (nullable or not).
    private static bool IsQueryValue(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttributes().Any(a => a is IFromBodyMetadata or IFromHeaderMetadata or IFromServiceMetadata or IFromRouteMetadata))
        {
            return false;
        }
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(DateOnly) || type == typeof(Guid) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || (type.IsArray && type.GetElementType() == typeof(string));
    }
}
