#include "FeedParser.h"

#include "html/HtmlTextExtractor.h"

#include <Syndication/Atom/Constants>
#include <Syndication/Constants>
#include <Syndication/DocumentSource>
#include <Syndication/DocumentVisitor>
#include <Syndication/ElementWrapper>
#include <Syndication/Feed>
#include <Syndication/Global>
#include <Syndication/Item>
#include <Syndication/Person>
#include <Syndication/SpecificDocument>
#include <Syndication/SpecificItem>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDomDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamReader>

namespace {

constexpr int kMaxItems = 5000;
const QString kRdfNs = QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#");

// Which of its formats Syndication recognised.
class FormatVisitor final : public Syndication::DocumentVisitor
{
public:
    ParsedFeed::Format format = ParsedFeed::Format::Unknown;
    bool visitRSS2Document(Syndication::RSS2::Document *) override
    {
        return found(ParsedFeed::Format::Rss2);
    }
    bool visitRDFDocument(Syndication::RDF::Document *) override
    {
        return found(ParsedFeed::Format::Rdf);
    }
    bool visitAtomFeedDocument(Syndication::Atom::FeedDocument *) override
    {
        return found(ParsedFeed::Format::Atom);
    }

private:
    bool found(ParsedFeed::Format f)
    {
        format = f;
        return true;
    }
};

QString resolve(const QUrl &base, const QString &link)
{
    const QString trimmed = link.trimmed();
    if (trimmed.isEmpty() || !base.isValid())
        return trimmed;
    return base.resolved(QUrl(trimmed)).toString();
}

// Syndication cannot say why it refused a document (it only logs), so a
// refusal is diagnosed here: not XML, XML but not a feed, or cut short.
QString diagnose(const QByteArray &data)
{
    QXmlStreamReader xml(data);
    const auto malformed = [&] {
        if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            return QStringLiteral("the feed ends too early (truncated at line %1)")
                .arg(xml.lineNumber());
        return QStringLiteral("malformed XML at line %1, column %2: %3")
            .arg(xml.lineNumber())
            .arg(xml.columnNumber())
            .arg(xml.errorString());
    };
    if (!xml.readNextStartElement())
        return xml.hasError() ? malformed() : QStringLiteral("empty document");
    const QString root = xml.name().toString();
    if (root != QLatin1String("rss") && root != QLatin1String("RDF")
        && root != QLatin1String("feed"))
        return QStringLiteral("not an RSS or Atom feed (the document is <%1>)").arg(root);
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        return malformed();
    return QStringLiteral("not an RSS or Atom feed: the <%1> document has no channel or entries")
        .arg(root);
}

// The item's own XML: RSS 2.0 and Atom items are element wrappers; RDF
// items are RDF resources, found again in the DOM by their rdf:about.
Syndication::ElementWrapper elementOf(const Syndication::Item &item,
                                      const QHash<QString, QDomElement> &rdfItems)
{
    const Syndication::SpecificItemPtr specific = item.specificItem(); // a new object each call
    if (const auto *e = dynamic_cast<const Syndication::ElementWrapper *>(specific.data()))
        return *e;
    return rdfItems.value(item.id());
}

QHash<QString, QDomElement> rdfItemsByAbout(const QDomDocument &dom)
{
    QHash<QString, QDomElement> items;
    for (QDomElement e = dom.documentElement().firstChildElement(); !e.isNull();
         e = e.nextSiblingElement()) {
        if (e.localName() == QLatin1String("item"))
            items.insert(e.attributeNS(kRdfNs, QStringLiteral("about")), e);
    }
    return items;
}

// Syndication gives dates as UTC seconds, which drops the publisher's
// offset and with it, near midnight, the local day of publication: the
// item's own date text keeps both.
QString publishedText(const Syndication::Item &item, const Syndication::ElementWrapper &element)
{
    const QString atom = Syndication::Atom::atom1Namespace();
    const QString dc = Syndication::dublinCoreNamespace();
    const std::pair<QString, QString> dates[] = {{QString(), QStringLiteral("pubDate")},
                                                 {atom, QStringLiteral("published")},
                                                 {dc, QStringLiteral("date")},
                                                 {atom, QStringLiteral("updated")}};
    for (const auto &[ns, name] : dates) {
        const QString text = element.extractElementTextNS(ns, name).trimmed();
        if (!text.isEmpty())
            return text;
    }
    const time_t t = item.datePublished() ? item.datePublished() : item.dateUpdated();
    return t ? QDateTime::fromSecsSinceEpoch(t, QTimeZone::UTC).toString(Qt::ISODate) : QString();
}

// An RSS author is "email (Name)"; Syndication splits it, and the name is
// what an article's author field wants.
QString authors(const Syndication::Item &item)
{
    QStringList names;
    for (const Syndication::PersonPtr &p : item.authors()) {
        const QString name = (p->name().isEmpty() ? p->email() : p->name()).simplified();
        if (!name.isEmpty())
            names.append(name);
    }
    return names.join(QStringLiteral(", "));
}

FeedItem toItem(const Syndication::Item &it, const Syndication::ElementWrapper &element,
                const QUrl &base)
{
    FeedItem item;
    item.title = FeedParser::plainText(it.title()).simplified();
    // An RSS <link> as written: Syndication glues a relative one onto the
    // channel link ("…/world//world/…") instead of resolving it.
    const QString rssLink
        = element.extractElementTextNS(QString(), QStringLiteral("link")).trimmed();
    item.url = resolve(base, rssLink.isEmpty() ? it.link() : rssLink);
    item.summary
        = FeedParser::plainText(it.description().isEmpty() ? it.content() : it.description());
    item.author = authors(it);
    item.published = FeedParser::normaliseDate(publishedText(it, element));
    // Syndication makes up "hash:…" ids for items without one; the link
    // stays their identity, as for items stored before.
    const QString id = it.id().trimmed();
    item.guid = id.isEmpty() || id.startsWith(QLatin1String("hash:")) ? item.url : id;
    if (item.guid.isEmpty()) {
        // Nothing identifies it: its content does, so a refresh finds it again.
        item.guid = QStringLiteral("sha1:")
            + QString::fromLatin1(QCryptographicHash::hash((item.title + item.summary).toUtf8(),
                                                           QCryptographicHash::Sha1)
                                      .toHex());
    }
    if (item.title.isEmpty())
        item.title = item.summary.left(120).simplified();
    return item;
}

} // namespace

QString FeedParser::plainText(const QString &maybeHtml)
{
    if (!maybeHtml.contains(QLatin1Char('<')) && !maybeHtml.contains(QLatin1Char('&')))
        return maybeHtml.trimmed();
    return HtmlTextExtractor::extract(maybeHtml).text;
}

QString FeedParser::normaliseDate(const QString &date)
{
    const QString d = date.trimmed();
    if (d.isEmpty())
        return d;
    QDateTime t = QDateTime::fromString(d, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(d, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(d, Qt::RFC2822Date);
    if (!t.isValid()) {
        // RFC 822 with a zone name Qt does not know ("EST", "CEST"): the
        // hour offset is lost but the day survives.
        static const QRegularExpression zone(QStringLiteral(R"(\s+[A-Z]{2,5}$)"));
        QString bare = d;
        bare.remove(zone);
        t = QDateTime::fromString(bare + QStringLiteral(" +0000"), Qt::RFC2822Date);
    }
    if (!t.isValid() && d.size() == 10)
        t = QDateTime(QDate::fromString(d, Qt::ISODate), QTime(0, 0), QTimeZone::UTC);
    // A date without a zone is taken as UTC, not as this computer's time.
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), QTimeZone::UTC);
    return t.isValid() ? t.toString(Qt::ISODate) : d;
}

ParsedFeed FeedParser::parse(const QByteArray &data, const QUrl &baseUrl)
{
    ParsedFeed feed;
    if (data.trimmed().isEmpty()) {
        feed.error = QStringLiteral("empty document");
        return feed;
    }
    const Syndication::DocumentSource source(data, baseUrl.toString());
    const Syndication::FeedPtr parsed = Syndication::parse(source);
    if (!parsed) {
        feed.error = diagnose(data);
        return feed;
    }
    FormatVisitor format;
    parsed->specificDocument()->accept(&format);
    feed.format = format.format;
    const QHash<QString, QDomElement> rdfItems = feed.format == ParsedFeed::Format::Rdf
        ? rdfItemsByAbout(source.asDomDocument())
        : QHash<QString, QDomElement>();
    for (const Syndication::ItemPtr &item : parsed->items()) {
        if (feed.items.size() >= kMaxItems)
            break;
        feed.items.append(toItem(*item, elementOf(*item, rdfItems), baseUrl));
    }
    feed.title = plainText(parsed->title()).simplified();
    feed.siteUrl = resolve(baseUrl, parsed->link());
    feed.description = plainText(parsed->description());
    feed.ok = true;
    return feed;
}
