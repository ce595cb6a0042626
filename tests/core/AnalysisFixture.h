#pragma once

// A small hand-built project for the analysis tests: the sample article
// and two short ones, three categories, two coders, four actors, fourteen
// annotations with claims, a memo and a note. Expected figures in the
// tests are worked out by hand from the table below.
//
//   id  article  code               coder  span                                  actor / claim
//   1   1        Person             alice  "Kim Jong Un" (1st)                   Kim Jong Un
//   2   1        Justification      alice  "most explicit justification"
//   3   1        Loaded language    alice  "“neo-Nazi” regime"                   memo "check
//   translation" 4   1        Factual claim      bob    "Kim Jong Un linked … concerns"       Kim
//   -> Russia, supports, fact 5   1        Person             alice  "Kim Jong Un" (2nd, inside 4)
//   Kim Jong Un 6   1        Person             alice  "Kim Jong Un" (3rd, paragraph 3)     Kim
//   Jong Un 7   1        Loaded language    bob    "“most faithful lackeys”"             note
//   "strong insult" 8   1        Threat or warning  alice  "warned of their “contagious …”" Kim ->
//   South Korea, opposes, opinion 9   1        Slur (in Loaded)   alice  "“contagious
//   recklessness.”" (in 8) 10  2        Person             alice  "Putin" Putin 11  2 Justification
//   bob    "praised the alliance" (after 🙂) 12  2        Person             alice  "Kim Jong Un"
//   Kim Jong Un 13  2        Loaded language    alice  "“heroic”" (paragraph 2) 14  2 Factual claim
//   alice  paragraph 2, whole line (holds 13)    Kim -> Putin, supports, fact
//
// Article 1: the sample, Korea Herald, 2025-05-10 (6 paragraphs); article
// 2: Daily, 2025-06-01 (2 paragraphs); article 3: Daily, 2025-06-15, not
// coded (1 paragraph).

#include "domain/Category.h"
#include "domain/Code.h"
#include "store/AnnotationRepository.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QFile>
#include <QTest>

namespace AnalysisFixture {

inline QString sampleText()
{
    QFile file(QStringLiteral(FRAMEWISE_SOURCE_DIR
                              "/resources/samples/kim-jong-un-ukraine-korean-security.txt"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the sample article");
    QString text = QString::fromUtf8(file.readAll());
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

const QString kArticle2 = QStringLiteral("Putin 🙂 praised the alliance with Kim Jong Un.\n"
                                         "Kim thanked Putin for the “heroic” troops.");

// [start, end) in code points of the nth (0-based) occurrence of phrase.
inline QPair<qint64, qint64> span(const QString &text, const QString &phrase, int nth = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= nth; ++i) {
        at = text.indexOf(phrase, at + 1);
        if (at < 0)
            qFatal("phrase not found: %s", qPrintable(phrase));
    }
    const TextOffsets offsets(text);
    return {offsets.toCodePoint(at), offsets.toCodePoint(at + phrase.size())};
}

inline qint64 addCode(ProjectSession &s, qint64 category, const QString &name, qint64 parent = 0)
{
    Code code;
    code.categoryId = category;
    code.parentId = parent;
    code.name = name;
    code.colour = QStringLiteral("#336699");
    return s.codebook().addCode(code);
}

inline qint64 addCategory(ProjectSession &s, const QString &name, Category::Kind kind, int position)
{
    Category c;
    c.name = name;
    c.kind = kind;
    c.colour = QStringLiteral("#336699");
    c.position = position;
    return s.codebook().addCategory(c);
}

inline qint64 addActor(ProjectSession &s, const QString &name, const QString &kind)
{
    Actor a;
    a.name = name;
    a.kind = kind;
    return s.actors().add(a);
}

// Builds the project at path (which must not exist yet).
inline void build(const QString &path)
{
    auto s = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
    const QString sample = sampleText();

    Article a1;
    a1.title = QStringLiteral("Kim Jong Un links Ukraine war to Korean security");
    a1.outlet = QStringLiteral("Korea Herald");
    a1.published = QStringLiteral("2025-05-10");
    a1.text = sample;
    Article a2;
    a2.title = QStringLiteral("Putin and Kim");
    a2.outlet = QStringLiteral("Daily");
    a2.published = QStringLiteral("2025-06-01");
    a2.text = kArticle2;
    Article a3;
    a3.title = QStringLiteral("Quiet day");
    a3.outlet = QStringLiteral("Daily");
    a3.published = QStringLiteral("2025-06-15T08:00:00Z");
    a3.text = QStringLiteral("No coding here.");
    const qint64 art1 = s->articles().add(a1).id;
    const qint64 art2 = s->articles().add(a2).id;
    s->articles().add(a3);
    s->articles().indexPending(1000);

    const qint64 claim = addCategory(*s, QStringLiteral("Claim"), Category::Kind::Claim, 0);
    const qint64 actor = addCategory(*s, QStringLiteral("Actor"), Category::Kind::Actor, 1);
    const qint64 technique
        = addCategory(*s, QStringLiteral("Technique"), Category::Kind::Technique, 2);
    const qint64 factual = addCode(*s, claim, QStringLiteral("Factual claim"));
    const qint64 justification = addCode(*s, claim, QStringLiteral("Justification"));
    const qint64 threat = addCode(*s, claim, QStringLiteral("Threat or warning"));
    const qint64 person = addCode(*s, actor, QStringLiteral("Person"));
    const qint64 loaded = addCode(*s, technique, QStringLiteral("Loaded language"));
    const qint64 slur = addCode(*s, technique, QStringLiteral("Slur"), loaded);

    const qint64 kim = addActor(*s, QStringLiteral("Kim Jong Un"), QStringLiteral("person"));
    const qint64 putin = addActor(*s, QStringLiteral("Putin"), QStringLiteral("person"));
    const qint64 russia = addActor(*s, QStringLiteral("Russia"), QStringLiteral("state"));
    const qint64 southKorea = addActor(*s, QStringLiteral("South Korea"), QStringLiteral("state"));
    s->actors().addAlias(kim, QStringLiteral("Kim"));

    auto add = [&](qint64 article, QPair<qint64, qint64> at, qint64 code, const QString &coder,
                   qint64 actorId = 0, const QString &note = {}) {
        NewAnnotation n;
        n.articleId = article;
        n.start = at.first;
        n.end = at.second;
        n.codeIds = {code};
        n.coderName = coder;
        n.actorId = actorId;
        n.note = note;
        return s->annotations().add(n).id;
    };
    const QString alice = QStringLiteral("alice"), bob = QStringLiteral("bob");
    const QString k = QStringLiteral("Kim Jong Un");
    add(art1, span(sample, k, 0), person, alice, kim);
    add(art1, span(sample, QStringLiteral("most explicit justification")), justification, alice);
    const qint64 id3 = add(art1, span(sample, QStringLiteral("“neo-Nazi” regime")), loaded, alice);
    const auto claim4 = span(
        sample, QStringLiteral("Kim Jong Un linked Ukraine war to Korean security concerns"));
    const qint64 id4 = add(art1, claim4, factual, bob);
    add(art1, {claim4.first, claim4.first + 11}, person, alice, kim);
    add(art1, span(sample, k, 2), person, alice, kim);
    add(art1, span(sample, QStringLiteral("“most faithful lackeys”")), loaded, bob, 0,
        QStringLiteral("strong insult"));
    const qint64 id8
        = add(art1, span(sample, QStringLiteral("warned of their “contagious recklessness.”")),
              threat, alice);
    add(art1, span(sample, QStringLiteral("“contagious recklessness.”")), slur, alice);
    add(art2, span(kArticle2, QStringLiteral("Putin")), person, alice, putin);
    add(art2, span(kArticle2, QStringLiteral("praised the alliance")), justification, bob);
    add(art2, span(kArticle2, k), person, alice, kim);
    add(art2, span(kArticle2, QStringLiteral("“heroic”")), loaded, alice);
    const qint64 id14
        = add(art2, span(kArticle2, QStringLiteral("Kim thanked Putin for the “heroic” troops.")),
              factual, alice);

    auto setClaim
        = [&](qint64 id, qint64 speaker, qint64 target, const char *stance, const char *kind) {
              Claim c;
              c.annotationId = id;
              c.speakerId = speaker;
              c.targetId = target;
              c.stance = QLatin1String(stance);
              c.kind = QLatin1String(kind);
              s->annotations().setClaim(c);
          };
    setClaim(id4, kim, russia, "supports", "fact");
    setClaim(id8, kim, southKorea, "opposes", "opinion");
    setClaim(id14, kim, putin, "supports", "fact");

    Memo memo;
    memo.target = Memo::Target::Annotation;
    memo.targetId = id3;
    memo.title = QStringLiteral("Wording");
    memo.body = QStringLiteral("check translation");
    s->memos().add(memo);
}
} // namespace AnalysisFixture
