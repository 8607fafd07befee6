"""Entity linking: keys, aliases, families and sizes."""

from kg.link import entity_iri, entity_key, fold, model_family


def test_surface_variants_share_a_key():
    assert entity_key("GPT-4o") == entity_key("gpt4o") == entity_key("GPT 4o") == entity_key("ＧＰＴ－４ｏ")


def test_distinct_models_stay_distinct():
    assert entity_key("GPT-4") != entity_key("GPT-4o")
    assert entity_key("Qwen3-8B") != entity_key("Qwen3-VL-8B")
    assert entity_key("Wan2.1") != entity_key("Wan2.2")


def test_hardware_vendor_prefix_is_folded():
    assert entity_key("NVIDIA A100", hardware=True) == entity_key("A100", hardware=True)
    assert entity_key("NVIDIA GeForce RTX 4090", hardware=True) == entity_key("RTX 4090", hardware=True)
    assert entity_key("NVIDIA A100", hardware=False) != entity_key("A100", hardware=False)


def test_iris_are_stable_and_escaped():
    assert entity_iri("gpt4o") == "https://w3id.org/paperkg/id/entity/gpt4o"
    assert entity_iri(fold("VA-π")) == "https://w3id.org/paperkg/id/entity/va%CF%80"


def test_model_family_and_size_in_billions():
    assert model_family("Qwen2.5-VL-7B") == ("Qwen2.5-VL", 7.0)
    assert model_family("Qwen2.5-VL-7B-Instruct") == ("Qwen2.5-VL", 7.0)
    assert model_family("SmolLM-360M") == ("SmolLM", 0.36)
    assert model_family("Qwen3-30B-A3B") == ("Qwen3", 30.0)
    assert model_family("Janus-Pro 1B") == ("Janus-Pro", 1.0)
    assert model_family("GPT-4o") is None
    assert model_family("A100-80GB") is None


def test_point_zero_versions_fold_like_the_integer():
    assert fold("Gemini 3.0 Pro") == fold("Gemini 3 Pro")
    assert fold("AlpacaEval 2.0") == "alpacaeval2"
    assert fold("0.05") == "005"
