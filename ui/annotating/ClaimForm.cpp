#include "annotating/ClaimForm.h"

#include "commands/SetClaimCommand.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedLayout>
#include <QUndoStack>

namespace {
void fill(QComboBox *box, const QList<std::pair<QString, QString>> &items)
{
    for (const auto &[value, label] : items)
        box->addItem(label, value);
}

Claim blank(qint64 annotationId)
{
    Claim c;
    c.annotationId = annotationId;
    return c;
}

void select(QComboBox *box, const QVariant &value)
{
    box->setCurrentIndex(qMax(0, box->findData(value)));
}
} // namespace

ClaimForm::ClaimForm(ProjectSession &store, QUndoStack *undo,
                     std::function<void(const QString &)> onError, QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_undo(undo)
    , m_onError(std::move(onError))
    , m_form(new QWidget(this))
    , m_hint(new QLabel(this))
    , m_quote(new QLabel(m_form))
    , m_speaker(new QComboBox(m_form))
    , m_target(new QComboBox(m_form))
    , m_stance(new QComboBox(m_form))
    , m_kind(new QComboBox(m_form))
    , m_status(new QComboBox(m_form))
    , m_evidence(new QLineEdit(m_form))
{
    setObjectName(QStringLiteral("claimForm"));
    m_speaker->setObjectName(QStringLiteral("claimSpeaker"));
    m_speaker->setAccessibleName(tr("Speaker"));
    m_target->setObjectName(QStringLiteral("claimTarget"));
    m_target->setAccessibleName(tr("Target"));
    m_stance->setObjectName(QStringLiteral("claimStance"));
    m_stance->setAccessibleName(tr("Stance"));
    m_kind->setObjectName(QStringLiteral("claimKind"));
    m_kind->setAccessibleName(tr("Kind of claim"));
    m_status->setObjectName(QStringLiteral("claimStatus"));
    m_status->setAccessibleName(tr("Verification status"));
    m_evidence->setObjectName(QStringLiteral("claimEvidence"));
    m_evidence->setAccessibleName(tr("Evidence note"));
    m_evidence->setPlaceholderText(tr("Source, link or reasoning; Enter saves"));

    fill(m_stance,
         {{QString(), tr("—")},
          {QStringLiteral("supports"), tr("Supports")},
          {QStringLiteral("opposes"), tr("Opposes")},
          {QStringLiteral("neutral"), tr("Neutral")}});
    fill(m_kind,
         {{QString(), tr("—")},
          {QStringLiteral("fact"), tr("Checkable fact")},
          {QStringLiteral("opinion"), tr("Opinion")},
          {QStringLiteral("prediction"), tr("Prediction")},
          {QStringLiteral("demand"), tr("Demand")}});
    fill(m_status,
         {{QStringLiteral("unverified"), tr("Unverified")},
          {QStringLiteral("true"), tr("True")},
          {QStringLiteral("false"), tr("False")},
          {QStringLiteral("misleading"), tr("Misleading")},
          {QStringLiteral("unverifiable"), tr("Unverifiable")}});

    m_quote->setWordWrap(true);
    m_quote->setTextFormat(Qt::PlainText);
    m_quote->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(8, 4, 8, 4);
    form->addRow(m_quote);
    form->addRow(tr("S&peaker:"), m_speaker);
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("St&ance:"), m_stance);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("Stat&us:"), m_status);
    form->addRow(tr("E&vidence:"), m_evidence);
    setTabOrder(m_speaker, m_target);
    setTabOrder(m_target, m_stance);
    setTabOrder(m_stance, m_kind);
    setTabOrder(m_kind, m_status);
    setTabOrder(m_status, m_evidence);

    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(
        tr("Select an annotation coded as a claim to record its speaker, target, stance, "
           "kind, status and evidence."));
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_form);

    for (QComboBox *box : {m_speaker, m_target, m_stance, m_kind, m_status})
        connect(box, &QComboBox::currentIndexChanged, this, &ClaimForm::commit);
    connect(m_evidence, &QLineEdit::editingFinished, this, &ClaimForm::commit);
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Aggregate::Actor))
            reloadActors();
        // The annotation's codes decide whether it is a claim at all.
        if (changes.touches(ChangeSet::Aggregate::Code) || changes.touches(ChangeSet::Aggregate::Category)
            || changes.of(ChangeSet::Aggregate::Annotation).all().contains(m_annotationId))
            setAnnotation(m_annotationId);
        else if (changes.touches(ChangeSet::Aggregate::Actor))
            load();
    });
    reloadActors();
    setAnnotation(0);
}

bool ClaimForm::isEditing() const
{
    return m_stack->currentWidget() == m_form;
}

QWidget *ClaimForm::firstField() const
{
    return isEditing() ? static_cast<QWidget *>(m_speaker) : m_hint;
}

bool ClaimForm::isClaim(const Annotation &annotation) const
{
    QSet<qint64> claimCategories;
    for (const Category &c : m_session.codebook().categories()) {
        if (c.kind == Category::Kind::Claim)
            claimCategories.insert(c.id);
    }
    for (qint64 codeId : annotation.codeIds) {
        const auto code = m_session.codebook().code(codeId);
        if (code && claimCategories.contains(code->categoryId))
            return true;
    }
    return false;
}

void ClaimForm::setAnnotation(qint64 annotationId)
{
    // Read once here: the quote only changes with the annotation, which
    // comes back through this function on every annotationsChanged.
    std::optional<Annotation> annotation;
    bool claim = false;
    try {
        if (annotationId)
            annotation = m_session.annotations().get(annotationId);
        claim = annotation && isClaim(*annotation);
    } catch (const ProjectError &e) {
        m_onError(e.message());
    }
    m_annotationId = claim ? annotationId : 0;
    m_stack->setCurrentWidget(claim ? m_form : static_cast<QWidget *>(m_hint));
    if (!claim)
        return;
    m_quote->setText(QStringLiteral("“%1”").arg(annotation->quote.simplified().left(200)));
    load();
}

void ClaimForm::reloadActors()
{
    m_loading = true;
    for (QComboBox *box : {m_speaker, m_target}) {
        const QVariant current = box->currentData();
        box->clear();
        box->addItem(tr("(none)"), qint64(0));
        for (const Actor &a : m_session.actors().all())
            box->addItem(a.name, a.id);
        select(box, current);
    }
    m_loading = false;
}

void ClaimForm::load()
{
    if (!m_annotationId)
        return;
    m_loading = true;
    const Claim c = m_session.annotations().claim(m_annotationId).value_or(blank(m_annotationId));
    select(m_speaker, c.speakerId);
    select(m_target, c.targetId);
    select(m_stance, c.stance);
    select(m_kind, c.kind);
    select(m_status, c.status);
    if (m_evidence->text() != c.evidence)
        m_evidence->setText(c.evidence);
    m_loading = false;
}

void ClaimForm::commit()
{
    if (m_loading || !m_annotationId || m_session.isReadOnly())
        return;
    const std::optional<Claim> before = m_session.annotations().claim(m_annotationId);
    Claim after = before.value_or(blank(m_annotationId));
    after.speakerId = m_speaker->currentData().toLongLong();
    after.targetId = m_target->currentData().toLongLong();
    after.stance = m_stance->currentData().toString();
    after.kind = m_kind->currentData().toString();
    after.status = m_status->currentData().toString();
    after.evidence = m_evidence->text().trimmed();
    if (before ? *before == after : after == blank(m_annotationId))
        return;
    m_undo->push(new SetClaimCommand(m_session, before, after, m_onError));
}
