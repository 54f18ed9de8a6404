from django import forms
from django.utils.translation import gettext_lazy as _

from ftahub.core.uploads import content_matches_name
from ftahub.places.models import Province

from .models import Item

MAX_FILE = 25 * 1024 * 1024
FILE_TYPES = {".pdf": b"%PDF", ".png": b"\x89PNG", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff",
              ".xlsx": b"PK\x03\x04", ".docx": b"PK\x03\x04", ".pptx": b"PK\x03\x04", ".zip": b"PK\x03\x04"}


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["kind", "title", "title_en", "summary", "summary_en", "body", "body_en", "video_url", "file",
                  "agreements", "markets", "sectors", "status"]
        widgets = {"agreements": forms.CheckboxSelectMultiple, "summary": forms.Textarea(attrs={"rows": 3}),
                   "summary_en": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_national:
            self.fields["province"] = forms.ModelChoiceField(Province.objects.filter(era="2025"), label=_("province"))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "size") or getattr(upload, "_committed", False):
            return upload
        if upload.size > MAX_FILE:
            raise forms.ValidationError(_("The file is larger than 25 MB."))
        if not content_matches_name(upload, FILE_TYPES):
            raise forms.ValidationError(_("Upload a PDF, image, Office or ZIP file whose content matches its name."))
        return upload

    def clean(self):
        data = super().clean()
        if data.get("kind") == Item.Kind.VIDEO:
            probe = Item(video_url=data.get("video_url") or "")
            if not probe.embed_url:
                self.add_error("video_url", _("Give a YouTube or Vimeo link to the video."))
        return data
