from ninja import Router, Schema

from .models import Country, Province

router = Router(tags=["places"])


class CountryOut(Schema):
    iso2: str
    iso3: str
    numeric: str
    name_en: str
    name_vi: str


class ProvinceOut(Schema):
    era: str
    code: int
    name: str
    successor_code: int | None = None
    successor_name: str | None = None


@router.get("/countries", response=list[CountryOut], summary="Countries and territories (ISO 3166-1)")
def list_countries(request):
    return list(Country.objects.all())


@router.get("/provinces", response=list[ProvinceOut],
            summary="Viet Nam's provinces: the 34 current units, or the 63 before 1 July 2025 with their successor")
def list_provinces(request, era: Province.Era = Province.Era.FROM_2025):
    return [
        {"era": p.era, "code": p.code, "name": p.name,
         "successor_code": p.successor.code if p.successor else None,
         "successor_name": p.successor.name if p.successor else None}
        for p in Province.objects.filter(era=era).select_related("successor")
    ]
