#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Plain results of the analysis queries (AnalysisRepository). Offsets are
// Unicode code points into the stored article text, end exclusive.

// One retrieved segment with its context, codes and coder.
struct CodedSegment
{
    qint64 annotationId = 0;
    QString uuid;
    qint64 articleId = 0;
    QString articleTitle;
    QString outlet;
    QString published;
    qint64 start = 0;
    qint64 end = 0;
    QString quote;
    QString prefix; // up to 40 characters before the quote
    QString suffix; // and after it
    QStringList codes; // by name, sorted
    QString coder;
    QString note;
    QString actor; // the linked actor's name, or empty
    bool document = false;
};

// What a code matrix is broken down by.
enum class AnalysisDimension
{
    None,
    Outlet,
    Month,
    Week, // ISO 8601: 2025-W19 (weeks start on Monday; the year is the week's)
    Day,
    Coder,
    Article,
    Actor
};

// One cell of a code x dimension matrix.
struct FrequencyCell
{
    qint64 codeId = 0;
    QString code;
    QString category;
    QString
        column; // the outlet, month (YYYY-MM), week (YYYY-Www), coder...; empty with no dimension
    int segments = 0; // segments carrying the code
    int articles = 0; // distinct articles among them
    qint64 characters = 0; // coded characters (code points)
    int columnArticles = 0; // articles in the column: the denominator of articleShare
    int columnSegments = 0; // segments of every code in the column
    double articleShare() const { return columnArticles ? double(articles) / columnArticles : 0; }
    double segmentShare() const { return columnSegments ? double(segments) / columnSegments : 0; }
};

// What two codes must share to co-occur.
enum class CooccurrenceUnit
{
    Overlap,
    Sentence,
    Paragraph,
    Article
};

// Two codes' co-occurrence. For sentences, paragraphs and articles, counts
// are units holding the code(s) and total is every unit of the project;
// for overlap, countA/countB are segments, both is overlapping (segment of
// A, segment of B) pairs (one segment carrying both counts once), and total
// is every coded segment. jaccard = both / (countA + countB - both);
// lift = both * total / (countA * countB).
struct CodePair
{
    qint64 codeA = 0;
    qint64 codeB = 0;
    QString nameA;
    QString nameB;
    int both = 0;
    int countA = 0;
    int countB = 0;
    qint64 total = 0;
    double jaccard() const
    {
        const int uni = countA + countB - both;
        return uni > 0 ? double(both) / uni : 0;
    }
    double lift() const
    {
        return countA && countB ? double(both) * double(total) / (double(countA) * countB) : 0;
    }
};

// Actors and how they are tied: claims (speaker -> target, by stance) and
// co-mention (both named in the same article).
struct ActorNetwork
{
    struct Node
    {
        qint64 actorId = 0;
        QString uuid;
        QString name;
        QString kind;
        int mentions = 0; // annotations linked to the actor
        int claimsMade = 0;
        int claimsReceived = 0;
    };
    struct Edge
    {
        enum class Type
        {
            Claim,
            CoMention
        };
        Type type = Type::Claim;
        qint64 from = 0;
        qint64 to = 0;
        QString stance; // claims: supports, opposes, neutral or empty
        int weight = 0; // claims, or articles naming both
    };
    QList<Node> nodes;
    QList<Edge> edges;
};
