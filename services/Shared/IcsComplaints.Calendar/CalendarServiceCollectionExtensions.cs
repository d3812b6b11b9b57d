using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Calendar;

/// <summary>Registers the working-day calendar.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="WorkingDayCalendar"/> with the embedded bank holidays, or with the file named by
    /// <c>Calendar:BankHolidaysFile</c> when set.
    /// </summary>
    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IConfiguration>()["Calendar:BankHolidaysFile"];
            if (string.IsNullOrWhiteSpace(file))
            {
                return BankHolidays.Embedded();
            }
            using var stream = File.OpenRead(file);
            return BankHolidays.Load(stream);
        });
        services.AddSingleton<WorkingDayCalendar>();
        return services;
    }
}
