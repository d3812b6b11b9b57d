using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// ASP.NET Core Data Protection for what a service keeps encrypted, with the key ring in the service's own database so
/// every instance reads what another protected. In production the keys are themselves encrypted with a certificate
/// (<c>DataProtection:CertificateFile</c>, <c>DataProtection:CertificatePassword</c>, a mounted secret), so that a copy
/// of the database alone decrypts nothing.
/// </summary>
public static class DataProtectionExtensions
{
    /// <summary>Adds Data Protection with the key ring in <typeparamref name="TDbContext"/>.</summary>
    public static TBuilder AddServiceDataProtection<TDbContext, TBuilder>(this TBuilder builder, string applicationName)
        where TDbContext : DbContext, IDataProtectionKeyContext
        where TBuilder : IHostApplicationBuilder
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName(applicationName).PersistKeysToDbContext<TDbContext>();
        if (builder.Configuration["DataProtection:CertificateFile"] is { Length: > 0 } file)
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(file, builder.Configuration["DataProtection:CertificatePassword"]));
        }
        return builder;
    }
}
