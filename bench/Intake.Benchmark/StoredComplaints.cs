using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using IcsComplaints.Bench.Common;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Domain.Complaints;
using Npgsql;
using NpgsqlTypes;

namespace IcsComplaints.Bench.Intake;

/// <summary>What a top-up did.</summary>
/// <param name="Before">Complaints intakedb held before.</param>
/// <param name="After">Complaints it holds now.</param>
/// <param name="Added">Complaints stored by this top-up, each with its case and reporting's facts.</param>
/// <param name="Seconds">Writing and ANALYZE.</param>
internal sealed record TopUp(long Before, long After, long Added, double Seconds)
{
    public double RowsPerSecond => Added / Math.Max(0.001, Seconds);
}

/// <summary>
/// Puts complaints "already stored" into the running stack's own databases, as years of use would have left them:
/// in intakedb the complaint, the words of its names (the search reads them) and, for the day's complaints, the
/// Idempotency-Key record a retry would find; in casedb its case, with the response date agreed for those looked at
/// more closely; in reportingdb the complaint's and the case's facts. Received over the last ten years, to the demo's
/// four providers and, about one in ten, to its two ICBs about one of their providers; nearly all closed with an
/// outcome and KO41 coding, about two in a thousand still open (received in the last 60 days). One complainant in
/// twenty complained before, with the same NHS number, e-mail and phone, which intake's duplicate detection looks for.
/// <para>
/// Complaint number n is always the same complaint: its identifiers, reference and contents come from n alone, so a
/// top-up that stopped half-way is run again and carries on, and each database is brought to the same complaints
/// whichever stopped first. Rows are written with binary COPY, 50,000 complaints a transaction in each database, as
/// each database's owner role (the runtime roles may not COPY into every table, and nothing here changes a grant).
/// </para>
/// </summary>
internal sealed class StoredComplaints(string intakeOwner, string caseOwner, string reportingOwner)
{
    private const int Batch = 50_000;
    private const int YearsOfHistory = 10;
    private static readonly WorkingDayCalendar Calendar = new(BankHolidays.Embedded());
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Complaints intakedb holds now, whoever stored them.</summary>
    public async Task<long> CountAsync()
    {
        await using var intake = await OpenAsync(intakeOwner);
        return await ScalarAsync(intake, "SELECT count(*) FROM intake.complaints");
    }

    /// <summary>
    /// Stores complaints until intakedb holds <paramref name="target"/> (those already there, stored or submitted,
    /// count), then ANALYZEs every table written. Progress goes to standard error.
    /// </summary>
    public async Task<TopUp> TopUpAsync(long target)
    {
        var watch = Stopwatch.StartNew();
        await using var intake = await OpenAsync(intakeOwner);
        await using var cases = await OpenAsync(caseOwner);
        await using var reporting = await OpenAsync(reportingOwner);
        var before = await ScalarAsync(intake, "SELECT count(*) FROM intake.complaints");
        // Stored complaints are numbered from 0 with no gaps in each database (batches commit in order), so how far
        // each got is found by looking up identifiers; complaints submitted through the API are the rest. A batch
        // starts where the database that got least far stopped, and each database skips what it already holds.
        var inIntake = await StoredSoFarAsync(intake, "intake.complaints", "id", ComplaintId);
        var inReporting = await StoredSoFarAsync(reporting, "reporting.case_facts", "case_id", CaseId);
        var inCase = await StoredSoFarAsync(cases, "\"case\".cases", "id", CaseId);
        var upTo = Math.Max(inIntake, target - (before - inIntake));
        long added = 0;
        var today = LondonTime.Today(TimeProvider.System);
        for (var from = Math.Min(inIntake, Math.Min(inReporting, inCase)); from < upTo; from += Batch)
        {
            var batch = new List<Stored>();
            for (var n = from; n < Math.Min(upTo, from + Batch); n++)
            {
                batch.Add(Make(n, today));
            }
            // In the order they were received, as complaints arrive: a period's rows then sit together in each table,
            // as they do after years of use, instead of one to a page across the whole table, which would make every
            // query over a period read the table's pages at random.
            batch.Sort((a, b) => a.SubmittedAt.CompareTo(b.SubmittedAt));
            added += await WriteIntakeAsync(intake, batch);
            // Only what intake holds gets a case and facts: a number whose reference a submitted complaint had
            // already drawn is left out everywhere.
            var held = await PresentAsync(intake, "intake.complaints", "id", batch.Select(s => s.ComplaintId));
            var kept = batch.Where(s => held.Contains(s.ComplaintId)).ToList();
            // Reporting's facts before the cases: once a case is in casedb its deadline scan may announce a missed
            // date, and reporting, given an event for a case it has no fact for, starts one of its own.
            await WriteFactsAsync(reporting, kept);
            await WriteCasesAsync(cases, kept);
            Console.Error.WriteLine(Invariant($"  stored {from + batch.Count:N0} of {upTo:N0} numbered complaints ({added / watch.Elapsed.TotalSeconds:N0} a second)"));
        }
        Console.Error.WriteLine("  ANALYZE");
        await ExecuteAsync(intake, "ANALYZE intake.complaints; ANALYZE intake.complaint_name_words; ANALYZE intake.idempotency_records; ANALYZE intake.duplicate_candidates");
        await ExecuteAsync(cases, "ANALYZE \"case\".cases; ANALYZE \"case\".response_date_agreements");
        await ExecuteAsync(reporting, "ANALYZE reporting.case_facts; ANALYZE reporting.complaint_facts");
        var after = await ScalarAsync(intake, "SELECT count(*) FROM intake.complaints");
        return new TopUp(before, after, added, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The identifiers of stored complaint <paramref name="n"/> and its case.</summary>
    public static Guid ComplaintId(long n) => Id("complaint", n);

    /// <inheritdoc cref="ComplaintId"/>
    public static Guid CaseId(long n) => Id("case", n);

    private static Guid Id(string what, long n) =>
        new(System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(Invariant($"ics-stored-{what}-{n}"))).AsSpan(0, 16));

    // The reference of complaint n in intake's format (ComplaintReference): seven characters, then the Luhn mod 32
    // check character. n is multiplied by an odd number modulo 32^7 = 2^35, which maps distinct numbers to distinct
    // references that do not run in order.
    private static string Reference(long n)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var value = unchecked((n * 25_214_903_917L) + 11) & ((1L << 35) - 1);
        Span<char> body = stackalloc char[7];
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var digit = (int)((value >> (5 * (6 - i))) & 31);
            body[i] = alphabet[digit];
            // Every second character from the right is doubled: the rightmost (i = 6) first.
            var addend = (i % 2 == 0 ? 2 : 1) * digit;
            sum += (addend / 32) + (addend % 32);
        }
        var reference = string.Concat(body[..4], "-", body[4..], alphabet[(32 - (sum % 32)) % 32].ToString());
        return ComplaintReference.Normalise(reference) == reference
            ? reference
            : throw new InvalidOperationException($"Reference {reference} of stored complaint {n} is not valid.");
    }

    private static Stored Make(long n, DateOnly today)
    {
        var random = new Random(unchecked((int)(n * 2_654_435_761L)));
        // One complainant in twenty complained before: the same person as one of the thousand complaints before.
        var person = n > 1_000 && random.Next(20) == 0 ? n - 1 - random.Next(1_000) : n;
        var patient = People.Draw(new Random(unchecked((int)(person * 40_503L)) ^ 0x5bd1e995), person);
        var representative = random.Next(6) == 0 ? People.Draw(random, n + 1_000_000_000L) : null;
        var (organisation, about) = Organisations[random.Next(Organisations.Length)];
        var open = random.Next(1_000) < 2;
        var received = open ? today.AddDays(-random.Next(0, 60)) : today.AddDays(-random.Next(60, (365 * YearsOfHistory) + 2));
        var channel = Channels[random.Next(Channels.Length)];
        var early = random.Next(10) < 4;
        // The durations of each step, drawn once; a closed case received so lately that it would close in the future
        // is received earlier instead, a month at a time.
        var acknowledgedAfter = random.Next(10) == 0 ? 4 : random.Next(1, 4);
        var lookedAfter = random.Next(1, 6);
        var agreedDays = random.Next(20, 41);
        var sentAfter = early ? random.Next(1, 10) : random.Next(10) < 7 ? -random.Next(0, 10) : random.Next(1, 31);
        var closedAfter = random.Next(0, 10);
        Lifecycle dates;
        while (true)
        {
            while (!Calendar.IsWorkingDay(received))
            {
                received = received.AddDays(-1);
            }
            dates = Lifecycle.Of(received, acknowledgedAfter, early, lookedAfter, agreedDays, sentAfter, closedAfter);
            if (open || dates.ClosedOn < today)
            {
                break;
            }
            received = received.AddDays(-30);
        }
        var submitted = new DateTimeOffset(received.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddSeconds(random.Next(0, 36_000));
        var stored = new Stored
        {
            Number = n,
            ComplaintId = ComplaintId(n),
            CaseId = CaseId(n),
            Reference = Reference(n),
            Organisation = organisation,
            About = about,
            Channel = channel,
            ReceivedOn = received,
            SubmittedAt = submitted,
            Patient = patient,
            Representative = representative,
            Relationship = representative is null ? null : Relationships[random.Next(Relationships.Length)],
            Description = ComplaintBodies.Description(random),
            DesiredOutcome = DesiredOutcomes[random.Next(DesiredOutcomes.Length)],
            ContactPreference = channel == "Phone" ? "Phone" : random.Next(2) == 0 ? "Email" : "Letter",
            EventDate = received.AddDays(-random.Next(3, 200)),
            AcknowledgementDueBy = dates.AcknowledgementDueBy,
            Outcome = Outcomes[random.Next(Outcomes.Length)],
            Coding = Coding(random, representative is not null, patient.DateOfBirth, received),
        };
        if (open)
        {
            // Open: not yet acknowledged when received in the last three working days, then acknowledged or being looked into.
            if (dates.AcknowledgementDueBy >= today || dates.AcknowledgedOn >= today)
            {
                stored.Stage = "Received";
                return stored;
            }
            stored.AcknowledgedOn = dates.AcknowledgedOn;
            if (random.Next(2) == 0 || dates.CloserLookOn is not { } looked || looked >= today)
            {
                stored.Stage = "Acknowledged";
                return stored;
            }
            stored.Stage = "CloserLook";
            stored.CloserLookOn = looked;
            stored.DueBy = dates.DueBy;
            return stored;
        }
        stored.Stage = "Closed";
        stored.AcknowledgedOn = dates.AcknowledgedOn;
        stored.EarlyResolutionOn = dates.EarlyResolutionOn;
        stored.CloserLookOn = dates.CloserLookOn;
        stored.DueBy = dates.DueBy;
        stored.ResponseSentOn = dates.ResponseSentOn;
        stored.ClosedOn = dates.ClosedOn;
        return stored;
    }

    private static async Task<long> WriteIntakeAsync(NpgsqlConnection connection, List<Stored> batch)
    {
        var present = await PresentAsync(connection, "intake.complaints", "id", batch.Select(s => s.ComplaintId));
        var referencesTaken = await PresentAsync(connection, "intake.complaints", "reference", batch.Select(s => s.Reference));
        var rows = batch.Where(s => !present.Contains(s.ComplaintId) && !referencesTaken.Contains(s.Reference)).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY intake.complaints (id, reference, organisation_code, handling_organisation_code, about_organisation_codes, route, received_on, " +
            "channel, description, desired_outcome, submitted_at, complainant_name, complainant_email, complainant_phone, complainant_address_line1, " +
            "complainant_town, complainant_postcode, complainant_type, relationship_to_patient, representative_basis, consent_evidence, " +
            "consent_recorded_on, contact_preference, patient_name, patient_nhs_number, patient_date_of_birth, event_date, written_record_sent_on, " +
            "status, case_id, case_opened_at, acknowledged_on, response_due_by, response_due_by_renegotiation, response_sent_on, closed_on) " +
            "FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in rows)
            {
                var complainant = s.Representative ?? s.Patient;
                await writer.StartRowAsync();
                await writer.WriteAsync(s.ComplaintId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Reference, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Organisation, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Organisation, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.About is null ? Array.Empty<string>() : [s.About], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(s.About is null ? "HandledByRecipient" : "HandledByCommissioner", NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.ReceivedOn, NpgsqlDbType.Date);
                await writer.WriteAsync(s.Channel, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Description, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.DesiredOutcome, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.SubmittedAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(complainant.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(complainant.Email, NpgsqlDbType.Varchar);
                await writer.WriteAsync(complainant.Phone, NpgsqlDbType.Varchar);
                await writer.WriteAsync(complainant.Street, NpgsqlDbType.Varchar);
                await writer.WriteAsync(complainant.Town, NpgsqlDbType.Varchar);
                await writer.WriteAsync(complainant.Postcode, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Representative is null ? "Patient" : "Representative", NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, s.Relationship, NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, s.Representative is null ? null : "PersonAsked", NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, s.Representative is null ? null : "Written", NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, s.Representative is null ? null : (DateOnly?)s.ReceivedOn, NpgsqlDbType.Date);
                await writer.WriteAsync(s.ContactPreference, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Patient.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Patient.NhsNumber, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Patient.DateOfBirth, NpgsqlDbType.Date);
                await writer.WriteAsync(s.EventDate, NpgsqlDbType.Date);
                // A call, a visit or PALS is oral: the written record goes the same day (Reg 13(2)).
                await WriteOrNullAsync(writer, s.Channel is "Phone" or "InPerson" or "Pals" ? (DateOnly?)s.ReceivedOn : null, NpgsqlDbType.Date);
                await writer.WriteAsync(IntakeStatus(s), NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.CaseId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.SubmittedAt.AddSeconds(2), NpgsqlDbType.TimestampTz);
                await WriteOrNullAsync(writer, s.AcknowledgedOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.DueBy, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.DueBy is null ? null : (int?)0, NpgsqlDbType.Integer);
                await WriteOrNullAsync(writer, s.ResponseSentOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.ClosedOn, NpgsqlDbType.Date);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync("COPY intake.complaint_name_words (complaint_id, word) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in rows)
            {
                foreach (var word in NameWords.Of((s.Representative ?? s.Patient).Name, s.Patient.Name))
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(s.ComplaintId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(word, NpgsqlDbType.Varchar);
                }
            }
            await writer.CompleteAsync();
        }
        // Intake keeps the first answer to a keyed request for 24 hours (IdempotencyKeyRetention): today's complaints only.
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY intake.idempotency_records (key, request_hash, complaint_id, reference, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in rows.Where(s => s.SubmittedAt > DateTimeOffset.UtcNow.AddHours(-24)))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Invariant($"stored:{s.Organisation.ToLowerInvariant()}:stored-{s.Number}"), NpgsqlDbType.Varchar);
                await writer.WriteAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s.ComplaintId.ToByteArray())), NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.ComplaintId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Reference, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.SubmittedAt, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await transaction.CommitAsync();
        return rows.Count;
    }

    private static async Task WriteCasesAsync(NpgsqlConnection connection, List<Stored> batch)
    {
        var present = await PresentAsync(connection, "\"case\".cases", "id", batch.Select(s => s.CaseId));
        var rows = batch.Where(s => !present.Contains(s.CaseId)).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"case\".cases (id, complaint_id, reference, organisation_code, stage, received_on, acknowledgement_due_by, opened_at, " +
            "acknowledged_on, acknowledgement_channel, discussion_offered, handler, early_resolution_started_on, early_resolution_due_by, " +
            "early_resolution, closer_look_started_on, escalation_reason, plan, investigator, conflict_check, responsible_person, draft, " +
            "draft_version, signature, final_response_sent_on, final_response_channel, coding, closed_on, closure, outcome) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in rows)
            {
                var closed = s.ClosedOn is not null;
                var handler = new { subjectId = (string?)null, name = "Hana Handler" };
                var investigator = new { subjectId = (string?)null, name = "Ivy Investigator" };
                await writer.StartRowAsync();
                await writer.WriteAsync(s.CaseId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.ComplaintId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Reference, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Organisation, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Stage, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.ReceivedOn, NpgsqlDbType.Date);
                await writer.WriteAsync(s.AcknowledgementDueBy, NpgsqlDbType.Date);
                await writer.WriteAsync(s.SubmittedAt.AddSeconds(2), NpgsqlDbType.TimestampTz);
                await WriteOrNullAsync(writer, s.AcknowledgedOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.AcknowledgedOn is null ? null : s.ContactPreference, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.AcknowledgedOn is not null, NpgsqlDbType.Boolean);
                await WriteOrNullAsync(writer, s.AcknowledgedOn is null ? null : JsonSerializer.Serialize(handler, Json), NpgsqlDbType.Jsonb);
                await WriteOrNullAsync(writer, s.EarlyResolutionOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.EarlyResolutionOn is { } started ? (DateOnly?)Calendar.AddWorkingDays(started, 10) : null, NpgsqlDbType.Date);
                // ContactChannel is written by number, as the case service's JSON options write an enumeration.
                await WriteOrNullAsync(writer, s.EarlyResolutionOn is null || !closed ? null : JsonSerializer.Serialize(new
                {
                    resolvedOn = s.ResponseSentOn, channel = 1, discussed = "What went wrong with the appointment and why.", agreed = "An explanation and an apology in writing.",
                }, Json), NpgsqlDbType.Jsonb);
                await WriteOrNullAsync(writer, s.CloserLookOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.CloserLookOn is null ? null : "The complainant wants the records reviewed.", NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, s.CloserLookOn is null ? null : JsonSerializer.Serialize(new
                {
                    issues = PlanIssues, outcomesSought = PlanOutcomes, evidence = PlanEvidence, peopleToSpeakTo = PlanPeople,
                }, Json), NpgsqlDbType.Jsonb);
                await WriteOrNullAsync(writer, s.CloserLookOn is null ? null : JsonSerializer.Serialize(investigator, Json), NpgsqlDbType.Jsonb);
                await WriteOrNullAsync(writer, s.CloserLookOn is null ? null : JsonSerializer.Serialize(new
                {
                    priorInvolvement = false, conflictOfInterest = false, impartialityMeasures = (string?)null, checkedBy = "stored", checkedOn = s.CloserLookOn,
                }, Json), NpgsqlDbType.Jsonb);
                await WriteOrNullAsync(writer, s.CloserLookOn is null ? null : JsonSerializer.Serialize(new { subjectId = (string?)null, name = "Rhys Responsible" }, Json), NpgsqlDbType.Jsonb);
                var sentAfterCloserLook = closed && s.CloserLookOn is not null;
                await WriteOrNullAsync(writer, sentAfterCloserLook ? JsonSerializer.Serialize(new
                {
                    complaintSummary = "You told us what happened and what you would like us to do.", outcomesSought = "An explanation.",
                    investigation = "We read the records and spoke to the staff involved.",
                    findings = new[] { new { issue = "What happened", conclusion = Conclusion(s.Outcome), reasons = "The records.", upheld = s.Outcome != "NotUpheld" } },
                    apology = s.Outcome == "NotUpheld" ? null : "We are sorry.",
                    changes = Array.Empty<object>(),
                    remedy = (string?)null,
                }, Json) : null, NpgsqlDbType.Jsonb);
                await writer.WriteAsync(sentAfterCloserLook ? 1 : 0, NpgsqlDbType.Integer);
                await WriteOrNullAsync(writer, sentAfterCloserLook ? JsonSerializer.Serialize(new
                {
                    signedBy = new { subjectId = (string?)null, name = "Rhys Responsible" }, title = "Chief Executive", onBehalfOf = (string?)null, signedOn = s.ResponseSentOn, draftVersion = 1,
                }, Json) : null, NpgsqlDbType.Jsonb);
                await WriteOrNullAsync(writer, sentAfterCloserLook ? s.ResponseSentOn : null, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, sentAfterCloserLook ? s.ContactPreference : null, NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, closed ? JsonSerializer.Serialize(s.Coding, Json) : null, NpgsqlDbType.Jsonb);
                await WriteOrNullAsync(writer, s.ClosedOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, closed ? "Resolved" : null, NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, closed ? s.Outcome : null, NpgsqlDbType.Varchar);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"case\".response_date_agreements (case_id, agreed_on, due_by, with_complainant, reason, recorded_by) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in rows.Where(s => s.DueBy is not null))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(s.CaseId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.CloserLookOn!.Value, NpgsqlDbType.Date);
                await writer.WriteAsync(s.DueBy!.Value, NpgsqlDbType.Date);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync("First agreed date.", NpgsqlDbType.Varchar);
                await writer.WriteAsync("stored", NpgsqlDbType.Varchar);
            }
            await writer.CompleteAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task WriteFactsAsync(NpgsqlConnection connection, List<Stored> batch)
    {
        var present = await PresentAsync(connection, "reporting.case_facts", "case_id", batch.Select(s => s.CaseId));
        var rows = batch.Where(s => !present.Contains(s.CaseId)).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY reporting.case_facts (case_id, complaint_id, organisation_code, received_on, received_month, acknowledgement_due_by, acknowledged_on, " +
            "acknowledged_in_time, early_resolution_on, closer_look_on, response_sent_on, resolved_early, working_days_taken, by_agreed_date, renegotiations, " +
            "within_backstop, backstop_missed, outcome, closed_on, closure, reopened, advocacy, draft_reviews, subjects, service_area, professions, " +
            "clinical_sub_categories, site_ods_code, age_band, complainant_status, channel) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in rows)
            {
                var closed = s.ClosedOn is not null;
                await writer.StartRowAsync();
                await writer.WriteAsync(s.CaseId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.ComplaintId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Organisation, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.ReceivedOn, NpgsqlDbType.Date);
                await writer.WriteAsync(new DateOnly(s.ReceivedOn.Year, s.ReceivedOn.Month, 1), NpgsqlDbType.Date);
                await writer.WriteAsync(s.AcknowledgementDueBy, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.AcknowledgedOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.AcknowledgedOn is { } acknowledged ? (bool?)(acknowledged <= s.AcknowledgementDueBy) : null, NpgsqlDbType.Boolean);
                await WriteOrNullAsync(writer, s.EarlyResolutionOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.CloserLookOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.ResponseSentOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, s.ResponseSentOn is null ? null : (bool?)(s.EarlyResolutionOn is not null), NpgsqlDbType.Boolean);
                await WriteOrNullAsync(writer, s.ResponseSentOn is { } sent ? (int?)Calendar.WorkingDaysBetween(s.ReceivedOn, sent) : null, NpgsqlDbType.Integer);
                await WriteOrNullAsync(writer, s.ResponseSentOn is { } sentOn && s.DueBy is { } due ? (bool?)(sentOn <= due) : null, NpgsqlDbType.Boolean);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                // The backstop: a response within six months of receipt (Reg 14(2)).
                await WriteOrNullAsync(writer, s.ResponseSentOn is { } answered ? (bool?)(answered <= s.ReceivedOn.AddMonths(6)) : null, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await WriteOrNullAsync(writer, closed ? s.Outcome : null, NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, s.ClosedOn, NpgsqlDbType.Date);
                await WriteOrNullAsync(writer, closed ? "Resolved" : null, NpgsqlDbType.Varchar);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(closed ? s.Coding.Subjects : [], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await WriteOrNullAsync(writer, closed ? s.Coding.ServiceArea : null, NpgsqlDbType.Varchar);
                await writer.WriteAsync(closed ? s.Coding.Professions : [], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(closed ? s.Coding.ClinicalSubCategories : [], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteNullAsync();
                await WriteOrNullAsync(writer, closed ? s.Coding.AgeBand : null, NpgsqlDbType.Varchar);
                await WriteOrNullAsync(writer, closed ? s.Coding.ComplainantStatus : null, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Channel, NpgsqlDbType.Varchar);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync("COPY reporting.complaint_facts (complaint_id, channel, imported) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in rows)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(s.ComplaintId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Channel, NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            }
            await writer.CompleteAsync();
        }
        await transaction.CommitAsync();
    }

    // The first number not stored in the table: stored numbers run from 0 without a gap, so a binary search finds it.
    private static async Task<long> StoredSoFarAsync(NpgsqlConnection connection, string table, string column, Func<long, Guid> id)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT FROM {table} WHERE {column} = $1)", connection);
        var parameter = command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid });
        async Task<bool> StoredAsync(long n)
        {
            parameter.Value = id(n);
            return (bool)(await command.ExecuteScalarAsync())!;
        }
        if (!await StoredAsync(0))
        {
            return 0;
        }
        long low = 0, high = 1;
        while (await StoredAsync(high))
        {
            low = high;
            high *= 2;
        }
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (await StoredAsync(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return high;
    }

    private static async Task<HashSet<T>> PresentAsync<T>(NpgsqlConnection connection, string table, string column, IEnumerable<T> values)
        where T : notnull
    {
        await using var command = new NpgsqlCommand($"SELECT {column} FROM {table} WHERE {column} = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray() });
        var found = new HashSet<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetFieldValue<T>(0));
        }
        return found;
    }

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct =>
        value is { } present ? writer.WriteAsync(present, type) : writer.WriteNullAsync();

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        // Long COPYs and ANALYZE of millions of rows: no command timeout.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string IntakeStatus(Stored s) => s.Stage switch
    {
        "Closed" => "Closed",
        "Received" => "BeingHandled",
        "Acknowledged" => "Acknowledged",
        _ => "BeingLookedInto",
    };

    private static string Conclusion(string outcome) => outcome switch
    {
        "Upheld" => "We agree that what happened fell short.",
        "PartiallyUpheld" => "Part of what happened fell short.",
        _ => "What happened was what should have happened.",
    };

    // A KO41 coding as a handler gives it: values from the lists of Ko41Coding, the age band of the patient's age on receipt.
    private static StoredCoding Coding(Random random, bool onBehalf, DateOnly born, DateOnly received)
    {
        var subjects = new[] { Subjects[random.Next(Subjects.Length)], Subjects[random.Next(Subjects.Length)] }.Distinct().Take(random.Next(1, 3)).ToArray();
        var age = received.Year - born.Year;
        return new StoredCoding(
            subjects,
            ServiceAreas[random.Next(ServiceAreas.Length)],
            [Professions[random.Next(Professions.Length)]],
            subjects.Contains("Clinical treatment") ? [SubCategories[random.Next(SubCategories.Length)]] : [],
            null,
            age switch { < 18 => "0-17", < 26 => "18-25", < 56 => "26-55", < 65 => "56-64", < 75 => "65-74", _ => "75+" },
            onBehalf ? "On behalf of the patient" : "Patient");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    // The demo directory (./ics credentials): four providers, and the ICBs QKK (commissioning RJ1, RJZ and Y99901)
    // and QOP (R0A) handling a complaint about one of them. Repeated entries weight the draw: large trusts receive more.
    private static readonly (string Organisation, string? About)[] Organisations =
    [
        ("RJ1", null), ("RJ1", null), ("RJ1", null), ("RJ1", null), ("RJ1", null), ("RJ1", null), ("RJ1", null),
        ("RJZ", null), ("RJZ", null), ("RJZ", null), ("RJZ", null), ("RJZ", null), ("RJZ", null),
        ("R0A", null), ("R0A", null), ("R0A", null), ("R0A", null),
        ("Y99901", null),
        ("QKK", "RJ1"), ("QKK", "RJZ"), ("QOP", "R0A"),
    ];

    // One investigation plan for every stored closer look: its issue is the one the stored response's finding answers.
    private static readonly string[] PlanIssues = ["What happened"];
    private static readonly string[] PlanOutcomes = ["An explanation"];
    private static readonly string[] PlanEvidence = ["The records"];
    private static readonly string[] PlanPeople = ["The staff involved"];

    private static readonly string[] Channels = ["Email", "Email", "Email", "Letter", "Letter", "Online", "Online", "Phone", "Pals", "InPerson"];
    private static readonly string[] Outcomes = ["Upheld", "Upheld", "Upheld", "PartiallyUpheld", "PartiallyUpheld", "PartiallyUpheld", "PartiallyUpheld", "NotUpheld", "NotUpheld", "NotUpheld"];
    private static readonly string[] Relationships = ["Daughter", "Son", "Wife", "Husband", "Partner", "Carer", "Mother", "Father"];

    private static readonly string[] Subjects =
        ["Communications", "Clinical treatment", "Patient care", "Appointments", "Waiting times", "Values and behaviours", "Admissions, discharges and transfers",
         "Prescribing errors", "Staff", "Other"];

    private static readonly string[] ServiceAreas = ["A&E", "Medical", "Surgical", "Paediatrics", "Obstetrics and gynaecology", "Mental health", "Community", "Primary care", "Radiology"];
    private static readonly string[] Professions = ["Medical", "Nursing, midwifery and health visiting", "Administrative and clerical", "Scientific, therapeutic and technical", "Other"];
    private static readonly string[] SubCategories = ["Diagnosis", "Surgery", "Medication", "Care plan", "Aftercare"];

    private static readonly string[] DesiredOutcomes =
    [
        "An explanation and an apology.", "A new appointment and an assurance the booking system will be checked.",
        "For the ward to review how it communicates with families.", "To understand why this happened and what has changed since.",
    ];

    // The dates of a case taken to its close: resolved early, or looked at more closely with a response date agreed.
    private sealed record Lifecycle(
        DateOnly AcknowledgementDueBy, DateOnly AcknowledgedOn, DateOnly? EarlyResolutionOn, DateOnly? CloserLookOn, DateOnly? DueBy, DateOnly ResponseSentOn, DateOnly ClosedOn)
    {
        public static Lifecycle Of(DateOnly received, int acknowledgedAfter, bool early, int lookedAfter, int agreedDays, int sentAfter, int closedAfter)
        {
            var acknowledged = Calendar.AddWorkingDays(received, acknowledgedAfter);
            if (early)
            {
                var resolved = Calendar.AddWorkingDays(acknowledged, sentAfter);
                return new Lifecycle(Calendar.AddWorkingDays(received, 3), acknowledged, acknowledged, null, null, resolved, Calendar.AddWorkingDays(resolved, closedAfter));
            }
            var looked = Calendar.AddWorkingDays(acknowledged, lookedAfter);
            var due = Calendar.AddWorkingDays(looked, agreedDays);
            // Seven in ten sent by the date agreed, the rest up to 30 working days late (sentAfter counts from the date agreed).
            var sent = Calendar.AddWorkingDays(looked, agreedDays + sentAfter);
            return new Lifecycle(Calendar.AddWorkingDays(received, 3), acknowledged, null, looked, due, sent, Calendar.AddWorkingDays(sent, closedAfter));
        }
    }

    private sealed record StoredCoding(
        string[] Subjects, string ServiceArea, string[] Professions, string[] ClinicalSubCategories, string? SiteOdsCode, string AgeBand, string ComplainantStatus);

    // One stored complaint and what became of it; the dates of a step not taken are null.
    private sealed class Stored
    {
        public required long Number { get; init; }
        public required Guid ComplaintId { get; init; }
        public required Guid CaseId { get; init; }
        public required string Reference { get; init; }
        public required string Organisation { get; init; }
        public required string? About { get; init; }
        public required string Channel { get; init; }
        public required DateOnly ReceivedOn { get; init; }
        public required DateTimeOffset SubmittedAt { get; init; }
        public required Person Patient { get; init; }
        public required Person? Representative { get; init; }
        public required string? Relationship { get; init; }
        public required string Description { get; init; }
        public required string DesiredOutcome { get; init; }
        public required string ContactPreference { get; init; }
        public required DateOnly EventDate { get; init; }
        public required DateOnly AcknowledgementDueBy { get; init; }
        public required string Outcome { get; init; }
        public required StoredCoding Coding { get; init; }
        public string Stage { get; set; } = "Received";
        public DateOnly? AcknowledgedOn { get; set; }
        public DateOnly? EarlyResolutionOn { get; set; }
        public DateOnly? CloserLookOn { get; set; }
        public DateOnly? DueBy { get; set; }
        public DateOnly? ResponseSentOn { get; set; }
        public DateOnly? ClosedOn { get; set; }
    }
}
