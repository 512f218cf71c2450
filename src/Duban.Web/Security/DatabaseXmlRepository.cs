using System.Xml.Linq;
using Duban.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Duban.Web.Security;

/// <summary>
/// Keeps the data-protection key ring in the database, so that the web tier holds no keys of its own and any instance
/// can read the cookies and antiforgery tokens another issued. Written by hand because the package that ships this
/// (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore) is not available to this project; it does the same: one
/// row per key element, read in full, appended to, never changed.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Data protection calls this synchronously and outside any request, so it gets a context of its own.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
