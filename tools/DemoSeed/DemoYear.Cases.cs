using System.Text.Json.Nodes;

namespace IcsComplaints.DemoSeed;

/// <summary>The procedure each generated complaint's case goes through, every step on the day it happened.</summary>
public static partial class DemoYear
{
    private const double Stalls = 0.06;
    private const double Renegotiates = 0.2;
    private const double ReferredToOmbudsman = 0.06;
    private const double AnswersSurvey = 0.35;

    // Days are counted before the complaint's horizon (Dating); arrivedAgo is the day the handler had it, later than
    // receipt for a complaint transferred by the ICB.
    private static IEnumerable<JsonObject> CaseSteps(Random random, Provider provider, Theme theme, Dating when, int arrivedAgo)
    {
        var handler = $"handler.{provider.Code}";
        var late = random.NextDouble() < provider.LateAcknowledgement;
        // On time: within 3 calendar days, never more than 3 working days. Late: 9 days or more, always past 3 working days.
        var acknowledgedAgo = Math.Min(arrivedAgo, when.ReceivedAgo - (late ? random.Next(9, 21) : random.Next(0, 4)));
        if (acknowledgedAgo < 0)
        {
            yield break;
        }
        yield return Step(handler, "POST", "cases/{caseId}/acknowledgement", when.On(acknowledgedAgo), new JsonObject
        {
            ["acknowledgedOn"] = when.On(acknowledgedAgo),
            ["channel"] = Pick(random, ("Letter", 1), ("Email", 2)),
            ["discussionOffered"] = true,
        });
        var early = random.NextDouble() < provider.EarlyResolution;
        var outcome = Pick(random, ("Upheld", 30), ("PartiallyUpheld", 35), ("NotUpheld", 35));
        var issues = outcome == "PartiallyUpheld" ? new[] { theme.Issue, SecondIssue } : [theme.Issue];
        var startedAgo = early ? acknowledgedAgo : Math.Max(0, acknowledgedAgo - random.Next(0, 6));
        yield return early
            ? Step(handler, "POST", "cases/{caseId}/early-resolution", when.On(startedAgo), new JsonObject { ["startedOn"] = when.On(startedAgo) })
            : Step(handler, "POST", "cases/{caseId}/closer-look", when.On(startedAgo), new JsonObject
            {
                ["startedOn"] = when.On(startedAgo),
                ["issues"] = new JsonArray([.. issues.Select(i => JsonValue.Create(i))]),
                ["outcomesSought"] = new JsonArray(theme.Sought),
                ["evidence"] = new JsonArray("The records of the period complained about.", "Statements from the staff involved."),
                ["investigator"] = new JsonObject { ["name"] = $"Demo investigator ({provider.Code})" },
                ["priorInvolvement"] = false,
                ["conflictOfInterest"] = false,
                ["responsiblePerson"] = new JsonObject { ["name"] = $"Demo responsible ({provider.Code})" },
            });
        // A few stall (still open, some past the 6-month backstop); the newest are not answered yet.
        var stalled = random.NextDouble() < Stalls;
        var draftedAgo = startedAgo - (early ? random.Next(5, 21) : random.Next(20, 61)) - random.Next(0, provider.ExtraDays + 1);
        var signedAgo = draftedAgo - random.Next(0, 5);
        var sentAgo = signedAgo - random.Next(0, 3);
        var sent = !stalled && sentAgo >= 0;
        if (!early)
        {
            foreach (var agreement in ResponseDates(random, provider, handler, when, startedAgo, sent ? sentAgo : null))
            {
                yield return agreement;
            }
        }
        if (stalled || draftedAgo < 0)
        {
            yield break;
        }
        yield return Step(handler, "PUT", "cases/{caseId}/response-draft", when.On(draftedAgo), Draft(theme, issues, outcome, when, draftedAgo));
        if (signedAgo < 0)
        {
            yield break;
        }
        var responsible = $"Demo responsible ({provider.Code})";
        yield return Step($"responsible.{provider.Code}", "POST", "cases/{caseId}/final-response/signature", when.On(signedAgo),
            new JsonObject { ["name"] = responsible, ["title"] = "Chief Executive", ["signedOn"] = when.On(signedAgo) });
        if (!sent)
        {
            yield break;
        }
        foreach (var step in AfterTheResponse(random, provider, theme, handler, when, sentAgo))
        {
            yield return step;
        }
    }

    // Reg 13(7)/(8): a closer look agrees when the response will come. A response that went is sent a few days before
    // the date in force, or, when the provider missed it, some days after; every date is at least five days from the
    // day the response went, so moving it to a working day never changes which side of it the response fell.
    private static IEnumerable<JsonObject> ResponseDates(Random random, Provider provider, string handler, Dating when, int agreedAgo, int? sentAgo)
    {
        var missed = random.NextDouble() < provider.MissedAgreedDate;
        var dueAgo = sentAgo switch
        {
            null => agreedAgo - random.Next(35, 50),
            { } sent when missed && sent + 5 <= agreedAgo - 10 => sent + random.Next(5, Math.Min(21, agreedAgo - 10 - sent) + 1),
            { } sent => sent - random.Next(5, 16),
        };
        var renegotiated = random.NextDouble() < Renegotiates;
        var firstDueAgo = dueAgo + random.Next(7, 22);
        var renegotiatedAgo = firstDueAgo + random.Next(1, 6);
        if (renegotiated && firstDueAgo <= agreedAgo - 10 && renegotiatedAgo <= agreedAgo && renegotiatedAgo >= 0)
        {
            yield return Step(handler, "POST", "cases/{caseId}/response-date", when.On(agreedAgo), new JsonObject
            {
                ["agreedOn"] = when.On(agreedAgo), ["dueBy"] = when.WorkingDayOn(firstDueAgo), ["withComplainant"] = true,
            });
            yield return Step(handler, "POST", "cases/{caseId}/response-date", when.On(renegotiatedAgo), new JsonObject
            {
                ["agreedOn"] = when.On(renegotiatedAgo), ["dueBy"] = when.WorkingDayOn(dueAgo), ["withComplainant"] = true,
                ["reason"] = "Statements from the staff involved are taking longer to gather.",
            });
            yield break;
        }
        yield return Step(handler, "POST", "cases/{caseId}/response-date", when.On(agreedAgo), new JsonObject
        {
            ["agreedOn"] = when.On(agreedAgo), ["dueBy"] = when.WorkingDayOn(dueAgo), ["withComplainant"] = true,
        });
    }

    // Reg 14: the signed response goes in writing; it is coded for KO41 (which closing needs), closed once nothing more
    // is asked, sometimes with the complainant's survey, and now and then taken to the Ombudsman.
    private static IEnumerable<JsonObject> AfterTheResponse(Random random, Provider provider, Theme theme, string handler, Dating when, int sentAgo)
    {
        yield return Step(handler, "POST", "cases/{caseId}/final-response/sending", when.On(sentAgo), new JsonObject
        {
            ["sentOn"] = when.On(sentAgo), ["channel"] = Pick(random, ("Letter", 1), ("Email", 2)),
        });
        yield return Step(handler, "PUT", "cases/{caseId}/coding", when.On(sentAgo), Coding(random, provider, theme));
        var closedAgo = sentAgo - random.Next(5, 29);
        var survey = random.NextDouble() < AnswersSurvey;
        var answeredAgo = closedAgo - random.Next(0, 15);
        var ombudsman = random.NextDouble() < ReferredToOmbudsman;
        var learnedAgo = closedAgo - random.Next(30, 121);
        if (closedAgo >= 0)
        {
            yield return Step(handler, "POST", "cases/{caseId}/closure", when.On(closedAgo), new JsonObject { ["closedOn"] = when.On(closedAgo) });
            if (survey && answeredAgo >= 0)
            {
                yield return Step(handler, "POST", "cases/{caseId}/surveys/Complainant", when.On(answeredAgo), new JsonObject
                {
                    ["answers"] = new JsonObject
                    {
                        ["takenSeriously"] = Pick(random, ("Yes", 6), ("Partly", 3), ("No", 1)),
                        ["keptInformed"] = Pick(random, ("Yes", 5), ("Partly", 3), ("No", 2)),
                        ["updatesBeforeOutcome"] = Pick(random, ("Yes", 4), ("Partly", 3), ("No", 3)),
                        ["madeADifference"] = Pick(random, ("Yes", 4), ("Partly", 3), ("No", 2), ("NotSure", 1)),
                    },
                    ["answeredOn"] = when.On(answeredAgo),
                });
            }
            if (ombudsman && learnedAgo >= 0)
            {
                yield return Step(handler, "POST", "cases/{caseId}/ombudsman-referral", when.On(learnedAgo), new JsonObject { ["learnedOn"] = when.On(learnedAgo) });
            }
        }
    }

    private static JsonObject Coding(Random random, Provider provider, Theme theme)
    {
        var coding = new JsonObject
        {
            ["subjects"] = new JsonArray([.. theme.Subjects.Select(s => JsonValue.Create(s))]),
            // A GP practice's complaints are about primary care, whatever they are about.
            ["serviceArea"] = provider.Code.StartsWith('Y') ? "Primary care" : theme.ServiceArea,
            ["professions"] = new JsonArray(theme.Profession),
            ["ageBand"] = Pick(random, ("0-17", 1), ("18-25", 1), ("26-55", 4), ("56-64", 2), ("65-74", 2), ("75+", 2), ("Unknown", 1)),
            ["complainantStatus"] = Pick(random, ("Patient", 3), ("On behalf of the patient", 2)),
        };
        if (theme.ClinicalAspect is { } aspect)
        {
            coding["clinicalSubCategories"] = new JsonArray(aspect);
        }
        return coding;
    }

    private static JsonObject Draft(Theme theme, string[] issues, string outcome, Dating when, int draftedAgo)
    {
        var findings = new JsonArray();
        for (var i = 0; i < issues.Length; i++)
        {
            var upheld = outcome == "Upheld" || (outcome == "PartiallyUpheld" && i == 0);
            findings.Add(new JsonObject
            {
                ["issue"] = issues[i],
                ["conclusion"] = upheld ? "What was complained about happened, and should not have." : "The care and communication were as they should have been.",
                ["reasons"] = "The records of the period and the statements of the staff involved.",
                ["upheld"] = upheld,
            });
        }
        var draft = new JsonObject
        {
            ["complaintSummary"] = $"Your complaint, in your words: {theme.Description}.",
            ["outcomesSought"] = theme.Sought,
            ["investigation"] = "We read the records of the period and spoke to the staff involved.",
            ["findings"] = findings,
        };
        if (outcome != "NotUpheld")
        {
            draft["apology"] = "We are sorry that this happened.";
            draft["changes"] = new JsonArray(new JsonObject
            {
                ["action"] = "The team has changed how this is checked.",
                ["by"] = when.On(draftedAgo - 28),
            });
        }
        return draft;
    }
}
