using IcsComplaints.Learning.Domain.Training;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Data;

/// <summary>Loads and saves the training register over the request's one <see cref="LearningDbContext"/>.</summary>
public sealed class TrainingStore(LearningDbContext db)
{
    /// <summary>A member of staff on an organisation's register with their completions, to change; <c>null</c> when not on it.</summary>
    public Task<StaffTraining?> FindAsync(string organisationCode, Guid id, CancellationToken ct) =>
        db.StaffTraining.Include(s => s.Completions).FirstOrDefaultAsync(s => s.Id == id && s.OrganisationCode == organisationCode, ct);

    /// <summary>Adds a member of staff, saved with the rest.</summary>
    public void Add(StaffTraining staff) => db.StaffTraining.Add(staff);

    /// <summary>Saves every change, with the audit records written alongside.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}

/// <summary>The training registers, read only.</summary>
public sealed class TrainingQueries(LearningDbContext db)
{
    /// <summary>Everyone ever on an organisation's register, with their completions, by name.</summary>
    public Task<List<StaffTraining>> RegisterAsync(string organisationCode, CancellationToken ct) =>
        db.StaffTraining.AsNoTracking().Include(s => s.Completions)
            .Where(s => s.OrganisationCode == organisationCode).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>The registers of several organisations, by organisation.</summary>
    public async Task<ILookup<string, StaffTraining>> RegistersAsync(IReadOnlyCollection<string> organisationCodes, CancellationToken ct) =>
        (await db.StaffTraining.AsNoTracking().Include(s => s.Completions)
            .Where(s => organisationCodes.Contains(s.OrganisationCode)).ToListAsync(ct)).ToLookup(s => s.OrganisationCode);
}
